import { eventually } from '../../lib/testing/eventually';
import { repoRoot } from '../../lib/paths';
import { supervise, type ChildSpec, type SupervisorOutput } from './supervisor';

// A stand-in for a subgraph: says where it listens, answers /health, stops on SIGTERM. FAIL makes it fail
// at start; FAIL_ON_RESTART makes every start but the first (PORT is then the one it took) fail.
const FAKE = `
const http = require('node:http');
const restart = process.env.PORT !== '0';
if (process.env.FAIL || (restart && process.env.FAIL_ON_RESTART)) {
  console.error('cannot start: ' + (process.env.FAIL || 'no luck this time'));
  process.exit(1);
}
const server = http.createServer((req, res) => res.end('ok'));
server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log('Fake up: http://127.0.0.1:' + server.address().port + '/graphql'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

function fake(env: Record<string, string> = {}) {
  const said: string[] = [];
  const lines: string[] = [];
  const givenUp: string[] = [];
  const output: SupervisorOutput = {
    line: (name, text) => lines.push(`${name} | ${text}`),
    say: (message) => said.push(message),
    giveUp: (_name, reason) => givenUp.push(reason),
  };
  const spec: ChildSpec = {
    name: 'fake',
    args: ['-e', FAKE],
    cwd: repoRoot,
    env: { PATH: process.env.PATH, PORT: '0', ...env },
    announces: /^Fake up: (\S+)/,
    healthOf: (url) => new URL('/health', url).toString(),
  };
  return { child: supervise(spec, output), said, lines, givenUp };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a supervised child process', () => {
  it('is up once it announced its URL and /health answers; its output is passed on with its name', async () => {
    const { child, said, lines } = fake();
    const url = await child.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(lines).toEqual([`fake | Fake up: ${url}`]);
    expect(said).toEqual([expect.stringMatching(new RegExp(`^fake pid ${child.pid()} up at ${url} in `))]);
    expect(await child.stop(5_000)).toBe(true);
  });

  it('is restarted on the same port when it is killed, and stopped for good on request', async () => {
    const { child, said } = fake();
    const url = await child.start();
    const first = child.pid()!;
    process.kill(first, 'SIGKILL');
    await eventually(() => expect(said.at(-1)).toMatch(/ \(restart 1\)$/), 30_000);
    expect(said).toContain(`fake pid ${first} died (signal SIGKILL): restarting it in 250 ms`);
    expect(child.pid()).not.toBe(first);
    expect(child.url()).toBe(url);
    expect((await fetch(new URL('/health', url))).status).toBe(200);

    const second = child.pid()!;
    expect(await child.stop(5_000)).toBe(true);
    expect(said.at(-1)).toBe(`fake pid ${second} stopped (code 0)`);
    expect(alive(second)).toBe(false);
  });

  it('rejects its start with what it said on stderr when it exits while starting', async () => {
    const { child } = fake({ FAIL: 'port 4002 is taken' });
    await expect(child.start()).rejects.toThrow(
      'fake exited (code 1) while starting: cannot start: port 4002 is taken',
    );
  });

  it('gives up, telling why, once its restarts keep failing', async () => {
    const { child, givenUp, said } = fake({ FAIL_ON_RESTART: 'yes' });
    await child.start();
    process.kill(child.pid()!, 'SIGKILL');
    // 250 + 500 + 1 000 + 2 000 + 4 000 ms between the five attempts.
    await eventually(() => expect(givenUp).toHaveLength(1), 30_000);
    expect(givenUp[0]).toBe(
      'fake exited (code 1) while starting: cannot start: no luck this time (5 restarts in a row failed)',
    );
    expect(said.filter((line) => line.endsWith('trying again in 1000 ms'))).toHaveLength(1);
    await child.stop(5_000);
  }, 40_000);
});
