/** The domain types the identity resolvers return for each GraphQL type (used by codegen's mappers). */
import type { UserRecord } from './user.repo';

export type { Session as AuthPayload } from './session.service';
export type { PartnerApiKeyRecord as PartnerApiKey } from './partner-api-key.repo';

/** `callerIsOwner` marks the account of a sign-in payload: its caller holds no access token yet. */
export type User = UserRecord & { callerIsOwner?: boolean };
