/** The domain types the identity resolvers return for each GraphQL type (used by codegen's mappers). */
export type { AccountView as User } from './account.service';
export type { Session as AuthPayload } from './session.service';
export type { PartnerApiKeyRecord as PartnerApiKey } from './partner-api-key.repo';
