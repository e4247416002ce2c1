/**
 * The gateway's credential towards the subgraphs: a shared secret (SUBGRAPH_SECRET) in the
 * `x-pulse-subgraph-secret` header over HTTP, or the connection parameter of that name over graphql-ws.
 * A caller presenting it may ask for `_service` and `_entities` and is not measured against the query
 * limits (the gateway measured the client's operation already).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config';

export const SUBGRAPH_SECRET_HEADER = 'x-pulse-subgraph-secret';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `presented` is `secret`, compared in constant time; always false without a secret. */
export function presentsSubgraphSecret(secret: string | null, presented: unknown): boolean {
  if (!secret || typeof presented !== 'string') return false;
  // Digests all have one length: the comparison takes as long whatever was presented.
  return timingSafeEqual(digest(secret), digest(presented));
}

/** `config` with a subgraph secret: SUBGRAPH_SECRET, else a random one for this process (embedded mode). */
export function withSubgraphSecret(config: Config): Config {
  if (config.protection.subgraphSecret) return config;
  const subgraphSecret = randomBytes(32).toString('base64url');
  return { ...config, protection: { ...config.protection, subgraphSecret } };
}

/** Throws, naming the variable, when a production process of services mode has no SUBGRAPH_SECRET. */
export function assertSubgraphSecretSet(config: Config): void {
  if (!config.production || config.protection.subgraphSecret) return;
  throw new Error(
    'Set SUBGRAPH_SECRET (at least 32 characters, the same for the gateway and every subgraph): in production a subgraph answers _service and _entities only to the gateway, which presents it.',
  );
}
