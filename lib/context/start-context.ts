/**
 * Serves one context from its descriptor: its database and parts, its preparation, its outbox relay and
 * consumers, its workers, then its subgraph server with its routes. A failure at any step releases what
 * the earlier steps opened; stopping releases it all after the server stopped taking requests.
 */
import { createJwtVerifier, remoteJwks } from '../auth/jwt-verifier';
import { startContextEvents } from '../events/context-events';
import type { PrismaLike } from '../db/context-database';
import {
  startSubgraphServer,
  type RunningServer,
  type SubgraphStartOptions,
} from '../server/subgraph-server';
import type { ContextDescriptor } from './context-descriptor';
import { openContext } from './open-context';

export async function startContext<Client extends PrismaLike, Parts>(
  descriptor: ContextDescriptor<Client, Parts>,
  options: SubgraphStartOptions,
): Promise<RunningServer> {
  const { config } = options;
  let wakeRelay = (): void => undefined;
  const opened = await openContext(descriptor, {
    config,
    database: options.database,
    logger: options.logger,
    serving: true,
    notify: () => wakeRelay(),
  });
  const { runtime, parts } = opened;
  try {
    // Before consuming and listening: nothing may use what is being prepared.
    await descriptor.prepare?.(parts, runtime);
    const events = await startContextEvents({
      context: descriptor.name,
      db: runtime.db,
      bus: options.bus,
      logger: runtime.logger,
      publishes: descriptor.publishes.length > 0,
      handlers: descriptor.consumers && (() => descriptor.consumers!(parts, runtime)),
    });
    wakeRelay = events.notify;
    // Released before the stores the consumers and the relay use.
    runtime.hold(events.stop);
    await descriptor.start?.(parts, runtime);
    const verifier =
      descriptor.verifier?.(parts, runtime) ??
      createJwtVerifier({
        keys: remoteJwks(options.jwksUrl),
        issuer: config.auth.issuer,
        audience: config.auth.audience,
      });
    const http = descriptor.http;
    return await startSubgraphServer({
      name: descriptor.name,
      config,
      typeDefs: descriptor.typeDefs,
      resolvers: descriptor.resolvers(parts, runtime),
      host: options.host,
      publicHost: config.http.publicHost,
      port: options.port,
      verifier,
      logger: runtime.logger,
      ready: opened.ping,
      routes: http && ((app) => http.mount(app, parts, { ...runtime, verifier })),
      onStop: opened.close,
    });
  } catch (error) {
    // startSubgraphServer releases through onStop itself when it fails; close() is safe to call twice.
    await opened.close();
    throw error;
  }
}
