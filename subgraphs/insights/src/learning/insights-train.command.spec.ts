import type { ContextRuntime } from '../../../../lib/context/context-descriptor';
import type { InsightsPrisma } from '../insights.prisma';
import type { InsightsRepos } from '../insights.repos';
import { parseEpsilon, trainCommand } from './insights-train.command';

describe('parseEpsilon', () => {
  it('reads --epsilon as a number, in both spellings, and leaves the default without it', () => {
    expect(parseEpsilon(['--epsilon', '0.5'])).toEqual({ epsilon: 0.5 });
    expect(parseEpsilon(['--epsilon=2'])).toEqual({ epsilon: 2 });
    expect(parseEpsilon([])).toEqual({ epsilon: undefined });
  });

  it.each([['0'], ['-1'], ['abc'], [''], ['Infinity'], ['NaN']])('refuses --epsilon %p', (raw) => {
    expect(parseEpsilon([`--epsilon=${raw}`])).toEqual({
      error: `insights:train: --epsilon takes a positive number (the privacy budget), got '${raw}'.`,
    });
  });

  it('refuses an unknown option or a missing value, with the usage', () => {
    expect(parseEpsilon(['--epsilonn', '1'])).toMatchObject({ error: expect.stringContaining('Usage:') });
    expect(parseEpsilon(['--epsilon'])).toMatchObject({ error: expect.stringContaining('--epsilon') });
    expect(parseEpsilon(['--epsilon', '-1'])).toMatchObject({ error: expect.stringContaining('Usage:') });
  });
});

describe('trainCommand', () => {
  it('exits with code 2 on a bad --epsilon without touching the database', async () => {
    const runtime = { db: {}, clock: { now: () => new Date() } } as unknown as ContextRuntime<InsightsPrisma>;
    const parts = { repos: {} as InsightsRepos };
    await expect(trainCommand.run(parts, runtime, ['--epsilon', '0'])).resolves.toEqual({
      message: "insights:train: --epsilon takes a positive number (the privacy budget), got '0'.",
      exitCode: 2,
    });
  });

  it('names the option in its usage line', () => {
    expect(trainCommand.usage).toBe('npm run insights:train [-- --epsilon 1]');
  });
});
