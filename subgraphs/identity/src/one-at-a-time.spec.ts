import { createKeyedSerializer } from './one-at-a-time';

/** A task that records its start and end, and finishes when the test says so. */
function aTask(log: string[], name: string, fail = false) {
  let finish!: () => void;
  const released = new Promise<void>((resolve) => (finish = resolve));
  const run = async () => {
    log.push(`${name} start`);
    await released;
    log.push(`${name} end`);
    if (fail) throw new Error(name);
    return name;
  };
  return { run, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createKeyedSerializer', () => {
  it('starts a task only when the previous one with its key has ended, even if that one failed', async () => {
    const oneAtATime = createKeyedSerializer();
    const log: string[] = [];
    const [a, b] = [aTask(log, 'a', true), aTask(log, 'b')];
    const first = oneAtATime('k', a.run).catch((e: Error) => `failed ${e.message}`);
    const second = oneAtATime('k', b.run);
    await settle();
    expect(log).toEqual(['a start']);
    a.finish();
    b.finish();
    expect(await Promise.all([first, second])).toEqual(['failed a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('runs tasks with different keys side by side', async () => {
    const oneAtATime = createKeyedSerializer();
    const log: string[] = [];
    const [a, b] = [aTask(log, 'a'), aTask(log, 'b')];
    const both = Promise.all([oneAtATime('k1', a.run), oneAtATime('k2', b.run)]);
    await settle();
    expect(log).toEqual(['a start', 'b start']);
    a.finish();
    b.finish();
    expect(await both).toEqual(['a', 'b']);
  });
});
