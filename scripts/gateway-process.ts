/**
 * `npm start`'s gateway in a process of its own, so that the platform uses two cores: the contexts (and
 * their embedded databases) in npm start's process, the gateway's parsing, validation, planning and
 * answers in this one. It is `npm run start:gateway` (the services-mode gateway) pointed at the contexts on
 * loopback with their subgraph secret and identity's keys, supervised as start:services supervises its
 * processes (restarted if it dies; stopped first on shutdown). GATEWAY_WORKERS (default 1) still applies.
 */
import { repoRoot } from '../lib/paths';
import { SHUTDOWN_TIMEOUT_MS } from '../lib/server/shutdown';
import type { RunningContexts } from './platform';
import { supervise, type Supervised } from './services/supervisor';

/** The primary waits for its workers up to SHUTDOWN_TIMEOUT_MS + 2 s, then kills them. */
const GATEWAY_STOP_MS = SHUTDOWN_TIMEOUT_MS + 4_000;

export interface GatewayProcess {
  /** The GraphQL endpoint's URL. */
  url: string;
  pid(): number | undefined;
  stop(): Promise<void>;
}

/** The gateway's environment: this process's, plus where the contexts are and how to talk to them. */
function gatewayProcessEnv(
  env: NodeJS.ProcessEnv,
  contexts: Pick<RunningContexts, 'subgraphs' | 'jwksUrl' | 'config'>,
): Record<string, string | undefined> {
  const secret = contexts.config.protection.subgraphSecret;
  if (!secret) throw new Error('the contexts run without a subgraph secret');
  return {
    ...env,
    SUBGRAPH_SECRET: secret,
    JWKS_URL: contexts.jwksUrl,
    GATEWAY_WORKERS: env.GATEWAY_WORKERS ?? '1',
    ...Object.fromEntries(contexts.subgraphs.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, s.url])),
  };
}

/** Starts the gateway process; resolves once its /health answers. Its output lines go to `print`. */
export async function startGatewayProcess(
  contexts: RunningContexts,
  print: (line: string) => void,
): Promise<GatewayProcess> {
  const { host } = contexts.config.http;
  // Listening on every interface: checked on loopback.
  const checkHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const child: Supervised = supervise(
    {
      name: 'gateway',
      args: ['--max-semi-space-size=64', '--import', 'tsx', 'scripts/start-gateway.ts'],
      cwd: repoRoot,
      env: gatewayProcessEnv(process.env, contexts),
      announces: /^Pulse gateway: (\S+)/,
      healthOf: (url) =>
        `http://${checkHost.includes(':') ? `[${checkHost}]` : checkHost}:${new URL(url).port}/health`,
    },
    {
      line: (_name, text) => print(`gateway | ${text}`),
      say: print,
      giveUp: (_name, reason) => {
        print(`${reason}: stopping Pulse.`);
        process.kill(process.pid, 'SIGTERM');
      },
    },
  );
  // Whatever ends this process, the gateway (in its own process group) does not outlive it.
  process.on('exit', () => child.kill());
  const url = await child.start();
  return {
    url,
    pid: () => child.pid(),
    stop: async () => {
      await child.stop(GATEWAY_STOP_MS);
    },
  };
}
