/**
 * The rule of the `@auth(requires: [Role!]!)` directive, shared by the subgraphs (which enforce it) and the
 * gateway (which checks it before planning): `requires: []` means any signed-in user, a non-empty list
 * means a signed-in user holding at least one of the roles. Requirements of a type and of its field both
 * apply.
 */
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import type { Role, Viewer } from './viewer';

/** The roles a schema element requires; an empty list: any signed-in user. */
export type AuthRequirement = readonly Role[];

/** Throws UNAUTHENTICATED without a viewer and FORBIDDEN when a requirement's roles are all missing. */
export function assertAccess(
  viewer: Viewer | null | undefined,
  requirements: readonly AuthRequirement[],
  coordinate: string,
): void {
  if (requirements.length === 0) return;
  if (!viewer) {
    throw new UnauthenticatedError(
      `Sign in first: ${coordinate} needs a valid access token (Authorization: Bearer <token>).`,
    );
  }
  for (const roles of requirements) {
    if (roles.length > 0 && !roles.some((role) => viewer.roles.includes(role))) {
      throw new ForbiddenError(
        `${coordinate} needs the role ${roles.join(' or ')}, which your account does not have.`,
      );
    }
  }
}
