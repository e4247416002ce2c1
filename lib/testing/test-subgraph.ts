/** A subgraph server for lib/'s own tests: a schema of the test's on a free loopback port, silent, always ready. */
import type { DocumentNode } from 'graphql';
import type { TokenVerifier } from '../auth/jwt-verifier';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { startSubgraphServer, type RunningServer } from '../server/subgraph-server';

export function startTestSubgraph(options: {
  typeDefs: DocumentNode;
  resolvers: unknown;
  verifier: TokenVerifier;
  /** Configuration variables (default none). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  return startSubgraphServer({
    name: 'test',
    config: loadConfig(options.env ?? {}),
    typeDefs: options.typeDefs,
    resolvers: options.resolvers,
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
    port: 0,
    verifier: options.verifier,
    logger: createLogger('silent'),
    ready: async () => undefined,
  });
}
