/** What `@auth` requires of each field, read from a composed supergraph's SDL (where @composeDirective kept it). */
import { buildASTSchema, parse } from 'graphql';
import { authRequirements, type AuthRequirements } from '../../../lib/graphql/auth-directive';

export function supergraphAuthRequirements(supergraphSdl: string): AuthRequirements {
  // The supergraph defines every directive it applies (join__, link, auth): it builds as plain SDL.
  return authRequirements(buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true }));
}
