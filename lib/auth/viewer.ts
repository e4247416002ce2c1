/** Who is calling: taken from a verified access token, never from anything the client merely claims. */
import { UnauthenticatedError } from '../errors/domain-error';

export const ROLES = ['ATHLETE', 'COACH', 'ADMIN', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  userId: string;
  roles: Role[];
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

/** The token from an `Authorization: Bearer <token>` header; null when the header is absent. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new UnauthenticatedError('The Authorization header must be "Bearer <access token>".');
  }
  return match[1];
}
