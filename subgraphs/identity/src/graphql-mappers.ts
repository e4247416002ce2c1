/** The domain types the identity resolvers return for each GraphQL type (used by codegen's mappers). */
export type { UserRecord as User } from './user.repo';
export type { Session as AuthPayload } from './session.service';
