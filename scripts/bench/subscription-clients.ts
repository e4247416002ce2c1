/**
 * The subscription benchmark's client process: opens one graphql-ws socket per subscriber (to the gateway
 * or straight to the training subgraph), and measures what arrives: events delivered and the latency from
 * the moment the figures were computed (`WorkoutProgress.at`) to their receipt. Driven by its parent over
 * Node's IPC channel, so that the clients' memory and CPU stay out of the measured server process.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber {
  token: string;
  workoutId: string;
}

export type ClientCommand =
  | { type: 'open'; url: string; query: string; subscribers: Subscriber[] }
  /** Counting starts now: events and latencies before this are not measured. */
  | { type: 'mark' }
  /** Waits (at most `timeoutMs`) until every subscriber has seen `sampleCount`, then reports. */
  | { type: 'expect'; sampleCount: number; timeoutMs: number }
  | { type: 'close' };

export type ClientReply =
  | { type: 'opened'; subscribed: number; failed: number; seconds: number }
  | { type: 'marked' }
  | {
      type: 'report';
      events: number;
      reached: number;
      firstReceipt: number;
      lastReceipt: number;
      latencyMs: { p50: number; p99: number; max: number };
      errors: number;
    }
  | { type: 'closed' };

interface Progress {
  workoutProgress: { sampleCount: number; at: string };
}

/** Sockets opened at a time: stays below the server's listen backlog. */
const OPEN_CONCURRENCY = 500;

let clients: Client[] = [];
let lastSampleCount: number[] = [];
let latencies: number[] = [];
let events = 0;
let errors = 0;
let firstReceipt = 0;
let lastReceipt = 0;

const reply = (message: ClientReply) => process.send?.(message);

function subscribe(index: number, url: string, query: string, subscriber: Subscriber): Promise<boolean> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${subscriber.token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return new Promise((resolve) => {
    client.subscribe<Progress>(
      { query, variables: { workoutId: subscriber.workoutId } },
      {
        next: (result) => {
          const now = Date.now();
          const progress = result.data?.workoutProgress;
          if (!progress) {
            errors += 1;
            return resolve(false);
          }
          lastSampleCount[index] = progress.sampleCount;
          events += 1;
          latencies.push(now - Date.parse(progress.at));
          firstReceipt ||= now;
          lastReceipt = now;
          resolve(true);
        },
        error: () => {
          errors += 1;
          resolve(false);
        },
        complete: () => resolve(false),
      },
    );
  });
}

async function open(command: Extract<ClientCommand, { type: 'open' }>) {
  const started = Date.now();
  let subscribed = 0;
  for (let from = 0; from < command.subscribers.length; from += OPEN_CONCURRENCY) {
    const wave = command.subscribers.slice(from, from + OPEN_CONCURRENCY);
    const outcomes = await Promise.all(
      wave.map((subscriber, i) => subscribe(from + i, command.url, command.query, subscriber)),
    );
    subscribed += outcomes.filter(Boolean).length;
  }
  reply({
    type: 'opened',
    subscribed,
    failed: command.subscribers.length - subscribed,
    seconds: (Date.now() - started) / 1000,
  });
}

async function expectCount(command: Extract<ClientCommand, { type: 'expect' }>) {
  const deadline = Date.now() + command.timeoutMs;
  const reachedCount = () => lastSampleCount.filter((count) => count >= command.sampleCount).length;
  while (reachedCount() < clients.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  reply({
    type: 'report',
    events,
    reached: reachedCount(),
    firstReceipt,
    lastReceipt,
    latencyMs: { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN },
    errors,
  });
}

process.on('message', (command: ClientCommand) => {
  switch (command.type) {
    case 'open':
      void open(command);
      return;
    case 'mark':
      events = 0;
      latencies = [];
      firstReceipt = 0;
      lastReceipt = 0;
      reply({ type: 'marked' });
      return;
    case 'expect':
      void expectCount(command);
      return;
    case 'close':
      void Promise.all(clients.map((client) => client.dispose())).then(() => {
        clients = [];
        lastSampleCount = [];
        reply({ type: 'closed' });
      });
      return;
  }
});
process.on('disconnect', () => process.exit(0));
