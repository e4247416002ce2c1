/**
 * One bounded context, described once: its name, schema, database, the events it publishes, the events it
 * consumes, its resolvers, its HTTP routes and its commands. The embedded platform, `start:subgraph`,
 * `events:replay`, `metrics:recompute` and the gateway's route table read descriptors (lib/context/*);
 * nothing else wires a context. A context's folder exports its descriptor from `src/index.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Express } from 'express';
import { parse, type DocumentNode } from 'graphql';
import type { TokenVerifier } from '../auth/jwt-verifier';
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import type { PrismaLike } from '../db/context-database';
import type { EventType } from '../events/registry';
import type { EventHandlers } from '../events/event-consumer';
import type { Logger } from '../logging/logger';
import type { ContextHttpRoute } from './http-routes';

/** What a context's parts are built from, in every mode (serving, replaying, running a command). */
export interface ContextRuntime<Client> {
  name: string;
  config: Config;
  logger: Logger;
  /** The context's Prisma client, migrated: handed to its repositories, never to its services. */
  db: Client;
  clock: Clock;
  /** Wakes the outbox relay: call after committing a transaction that wrote outbox rows. */
  notify(): void;
  /** Registers something to release when the context stops (or fails to start): released last-in first-out. */
  hold(release: () => Promise<void>): void;
  /** Whether the context is being served (false in a replay or a command: no workers, no listeners). */
  serving: boolean;
}

/** A command a context offers (`npm run metrics:recompute`, …): run on its own database, then released. */
export interface ContextCommand<Client, Parts> {
  /** One line for the usage message. */
  usage: string;
  /** Runs the command; its message is printed; a non-zero exitCode marks a partial failure. */
  run(
    parts: Parts,
    runtime: ContextRuntime<Client>,
    argv: string[],
  ): Promise<{ message: string; exitCode?: number }>;
}

export interface ContextDescriptor<Client extends PrismaLike = PrismaLike, Parts = unknown> {
  /** Its name in supergraph.yaml, its database schema, its consumer group. */
  name: string;
  /** Its GraphQL schema (the subgraph's `schema.graphql`). */
  typeDefs: DocumentNode;
  /** Its Prisma client on a migrated database (prisma/<name>/schema.prisma). */
  createClient(adapter: SqlMigrationAwareDriverAdapterFactory): Client;
  /** The event types it publishes through its outbox (none: no relay runs). */
  publishes: readonly EventType[];
  /** Repositories, services and whatever else the rest of the descriptor uses. */
  parts(runtime: ContextRuntime<Client>): Parts | Promise<Parts>;
  /** Runs before the context consumes an event or takes a request (gamification rebuilds its boards). */
  prepare?(parts: Parts, runtime: ContextRuntime<Client>): Promise<void>;
  /** The events it handles, each applied once (the same handlers serve the replay). */
  consumers?(parts: Parts, runtime: ContextRuntime<Client>): EventHandlers;
  /**
   * Runs before a replay of every retained event (not one `--from` a time): clears the read models the
   * replay rebuilds, with the context's inbox rows, and says what it cleared.
   */
  beforeReplay?(parts: Parts, runtime: ContextRuntime<Client>): Promise<string>;
  /** Runs after a replay re-delivered every retained event; says what more it did (or nothing). */
  afterReplay?(parts: Parts, runtime: ContextRuntime<Client>): Promise<string>;
  /** Starts what runs beside the server (workers); register their stop with `runtime.hold`. */
  start?(parts: Parts, runtime: ContextRuntime<Client>): void | Promise<void>;
  resolvers(parts: Parts, runtime: ContextRuntime<Client>): unknown;
  /** How it checks access tokens (default: with identity's published keys). */
  verifier?(parts: Parts, runtime: ContextRuntime<Client>): TokenVerifier;
  /** Plain HTTP routes: served by the subgraph, and on the gateway's port under the same paths. */
  http?: {
    routes: readonly ContextHttpRoute[];
    /** Routes served only on the subgraph's own port (identity's JWKS, the partner key check). */
    mount(app: Express, parts: Parts, runtime: ContextRuntime<Client> & { verifier: TokenVerifier }): void;
  };
  commands?: Record<string, ContextCommand<Client, Parts>>;
}

/** Declares a context (the identity function, for the types). */
export function defineContext<Client extends PrismaLike, Parts>(
  descriptor: ContextDescriptor<Client, Parts>,
): ContextDescriptor<Client, Parts> {
  return descriptor;
}

/** The schema file of the subgraph whose `src/` holds `dirname` (`subgraphs/<name>/schema.graphql`). */
export const schemaBeside = (srcDir: string): DocumentNode =>
  parse(readFileSync(join(srcDir, '..', 'schema.graphql'), 'utf8'));

/** Any context's descriptor (the registries hold descriptors of different clients and parts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyContext = ContextDescriptor<any, any>;
