import { spawn, type ChildProcess } from 'node:child_process';
import { get, type ClientRequest } from 'node:http';
import { repoRoot } from '../../lib/paths';
import { eventually } from '../../lib/testing/eventually';
import { SHUTDOWN_TIMEOUT_MS } from '../../lib/server/shutdown';
import { freePort } from '../../lib/server/free-port';

// `npm run start:gateway` with GATEWAY_WORKERS=2, as a child process. The subgraphs are unreachable
// (port 9): /health needs none of them.
const UNREACHABLE = 'http://127.0.0.1:9/graphql';

/** GET /health on a fresh connection (cluster hands each new connection to the next worker). */
function servedBy(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // A connection handed to a worker that is just dying is never answered: give up on it after 2 s.
    get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
      else resolve(String(res.headers['x-served-by']));
    })
      .on('timeout', function (this: ClientRequest) {
        this.destroy(new Error('no answer'));
      })
      .on('error', reject);
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the gateway with GATEWAY_WORKERS=2', () => {
  let port: number;
  let primary: ChildProcess;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    port = await freePort();
    primary = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-gateway.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        GATEWAY_WORKERS: '2',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        SUPERGRAPH_PATH: 'supergraph.graphql',
        SUBGRAPH_URL_IDENTITY: UNREACHABLE,
        SUBGRAPH_URL_TRAINING: UNREACHABLE,
        SUBGRAPH_URL_INVENTORY: UNREACHABLE,
        JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      },
      stdio: 'ignore',
    });
    exited = exitOf(primary);
  });
  afterAll(() => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
  });

  const pids = new Set<string>();
  const collectWorkers = (count: number) =>
    eventually(async () => {
      pids.add(await servedBy(port));
      expect(pids.size).toBeGreaterThanOrEqual(count);
    }, 40_000);

  it('answers from two worker processes on one port', async () => {
    await collectWorkers(2);
    expect([...pids].map(Number)).not.toContain(primary.pid);
    expect([...pids].every((pid) => isAlive(Number(pid)))).toBe(true);
  });

  it('replaces a worker that crashed', async () => {
    const [crashed] = [...pids];
    process.kill(Number(crashed), 'SIGKILL');
    await collectWorkers(3);
    expect(isAlive(Number(crashed))).toBe(false);
  });

  it('stops every worker and exits on SIGTERM within the shutdown timeout', async () => {
    const workers = [...pids].map(Number).filter(isAlive);
    expect(workers).toHaveLength(2);
    const deadline = new Promise<'timed out'>((resolve) =>
      setTimeout(() => resolve('timed out'), SHUTDOWN_TIMEOUT_MS).unref(),
    );
    primary.kill('SIGTERM');
    expect(await Promise.race([exited, deadline])).toBe(0);
    expect(workers.filter(isAlive)).toEqual([]);
  });
});
