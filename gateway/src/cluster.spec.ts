import { loadConfig } from '../../lib/config/config';
import { restartDelayMs, workerCountOf } from './cluster';

describe('workerCountOf', () => {
  it('runs the configured number of workers', () => {
    expect(workerCountOf(1, 8)).toBe(1);
    expect(workerCountOf(3, 8)).toBe(3);
  });

  it('runs one worker per CPU for 0 (GATEWAY_WORKERS=0 or auto)', () => {
    expect(workerCountOf(0, 8)).toBe(8);
  });
});

describe('restartDelayMs', () => {
  it('doubles with every consecutive crash, from 250 ms up to 30 s', () => {
    expect([1, 2, 3, 4, 5].map(restartDelayMs)).toEqual([250, 500, 1000, 2000, 4000]);
    expect(restartDelayMs(8)).toBe(30_000);
    expect(restartDelayMs(50)).toBe(30_000);
  });
});

describe('GATEWAY_WORKERS', () => {
  const workersOf = (value?: string) => loadConfig({ GATEWAY_WORKERS: value }).cluster.gatewayWorkers;

  it('defaults to one worker (no cluster); auto means 0, one per CPU', () => {
    expect(workersOf()).toBe(1);
    expect(workersOf('4')).toBe(4);
    expect(workersOf('auto')).toBe(0);
  });

  it('refuses anything else with a message that says what is expected', () => {
    expect(() => workersOf('many')).toThrow(/GATEWAY_WORKERS: a number of workers/);
    expect(() => workersOf('-2')).toThrow(/GATEWAY_WORKERS/);
  });
});
