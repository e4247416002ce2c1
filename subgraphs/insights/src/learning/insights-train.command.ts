/**
 * `npm run insights:train [-- --epsilon 1]`: trains and registers a new version of the injury model
 * (train-injury-model.ts) on the context's database and prints what happened. A bad `--epsilon` (not a
 * finite positive number) or an unknown option is a usage error: exit code 2, nothing trained.
 */
import { parseArgs } from 'node:util';
import type { ContextCommand } from '../../../../lib/context/context-descriptor';
import type { InsightsPrisma } from '../insights.prisma';
import type { InsightsRepos } from '../insights.repos';
import { trainInjuryModel } from './train-injury-model';

const USAGE = 'npm run insights:train [-- --epsilon 1]';

/** The privacy budget from the arguments (undefined: the trainer's default), or what is wrong with them. */
export function parseEpsilon(argv: string[]): { epsilon: number | undefined } | { error: string } {
  let raw: string | undefined;
  try {
    raw = parseArgs({ args: argv, options: { epsilon: { type: 'string' } } }).values.epsilon;
  } catch (error) {
    // parseArgs throws a TypeError saying what is wrong (read by shape: Jest's realm fails instanceof).
    const reason = (error as { message?: unknown }).message ?? error;
    return { error: `insights:train: ${String(reason)} Usage: ${USAGE}` };
  }
  if (raw === undefined) return { epsilon: undefined };
  const epsilon = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!(Number.isFinite(epsilon) && epsilon > 0)) {
    return { error: `insights:train: --epsilon takes a positive number (the privacy budget), got '${raw}'.` };
  }
  return { epsilon };
}

export const trainCommand: ContextCommand<InsightsPrisma, { repos: InsightsRepos }> = {
  usage: USAGE,
  run: async (_parts, { db, clock }, argv) => {
    const parsed = parseEpsilon(argv);
    if ('error' in parsed) return { message: parsed.error, exitCode: 2 };
    return { message: await trainInjuryModel({ db, clock, epsilon: parsed.epsilon }) };
  },
};
