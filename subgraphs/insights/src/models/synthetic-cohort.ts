/**
 * A synthetic cohort for tests and the bench: athletes' daily loads from realistic patterns, the form
 * they give, and injuries drawn from a KNOWN hidden rule, so a trained model can be checked against the
 * truth. Exported for tests and benchmarks only; never mixed with real data.
 *
 * Loads (TRIMP-like): a base of 40–120 per training day, 3–6 training days a week with one long day
 * (×1.8), a 4-week cycle (1, 1.08, 1.16, 0.75), ±20 % day-to-day noise, and at each week's start, with an
 * athlete-specific rate, a spike (×1.4–2.0 for 1–2 weeks) or a break (1–3 weeks off, then straight back).
 * Form: the form module's own (form/form-series.ts), so the injury model reads synthetic and real days alike.
 * Each athlete trains 56 days before the first row, so every row has a settled chronic load.
 *
 * Hidden rule: P(injury reported within 7 days) = sigmoid(−3.5 + 3.5·(acwr − 1) + 0.5·(monotony − 1.5)),
 * monotony capped at 4; each row's label is drawn independently from it.
 */
import { createSeededRandom, type SeededRandom } from './seeded-random';
import { formSeries } from '../form/form-series';
import type { FormState } from '../form/form-state';

export const HIDDEN_INJURY_RULE = { intercept: -3.5, acwr: 3.5, monotony: 0.5 } as const;
const WARM_UP_DAYS = 56;
const FIRST_DATE_MS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** A synthetic athlete's day: the form module's own state (form/form-state.ts). */
export type SyntheticForm = FormState;

export interface SyntheticAthleteDay {
  athleteId: string;
  form: SyntheticForm;
  /** acwrEwma above 1.5 (the usual "danger zone"), for the rule model. */
  loadSpikeRaised: boolean;
  injuryProbability: number;
  injuredWithin7Days: 0 | 1;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The hidden rule's probability for a day's form. */
export function hiddenInjuryProbability(form: Pick<SyntheticForm, 'acwrEwma' | 'monotony'>): number {
  const { intercept, acwr, monotony } = HIDDEN_INJURY_RULE;
  const ratio = form.acwrEwma ?? 1;
  const sameness = Math.min(4, form.monotony ?? 1.5);
  return sigmoid(intercept + acwr * (ratio - 1) + monotony * (sameness - 1.5));
}

/** One athlete's daily loads: base, weekly pattern, 4-week cycle, noise, spikes and breaks. */
function dailyLoads(random: SeededRandom, totalDays: number): number[] {
  const base = 40 + 80 * random.uniform();
  const trainingDays = 3 + Math.floor(4 * random.uniform());
  const eventRate = 0.3 + 1.7 * random.uniform();
  const cycleOffset = Math.floor(4 * random.uniform());
  const loads: number[] = [];
  let eventFactor = 1;
  let eventWeeksLeft = 0;
  for (let day = 0; day < totalDays; day++) {
    const weekday = day % 7;
    if (weekday === 0 && eventWeeksLeft > 0) eventWeeksLeft -= 1;
    if (weekday === 0 && eventWeeksLeft === 0) {
      const draw = random.uniform();
      eventFactor = 1;
      if (draw < 0.08 * eventRate) {
        eventFactor = 1.4 + 0.6 * random.uniform();
        eventWeeksLeft = 1 + Math.floor(2 * random.uniform());
      } else if (draw < 0.12 * eventRate) {
        eventFactor = 0;
        eventWeeksLeft = 1 + Math.floor(3 * random.uniform());
      }
    }
    const cycle = [1, 1.08, 1.16, 0.75][(Math.floor(day / 7) + cycleOffset) % 4]!;
    const dayShape = weekday >= trainingDays ? 0 : weekday === 0 ? 1.8 : 0.6 + 0.6 * random.uniform();
    const noise = Math.max(0, 1 + 0.2 * random.gaussian());
    loads.push(base * cycle * dayShape * eventFactor * noise);
  }
  return loads;
}

const isoDate = (index: number) => new Date(FIRST_DATE_MS + index * DAY_MS).toISOString().slice(0, 10);

/** `athletes` athletes × `days` rows each (after the warm-up), all drawn from `seed`. */
export function syntheticCohort(options: {
  athletes: number;
  days: number;
  seed: number;
}): SyntheticAthleteDay[] {
  const random = createSeededRandom(options.seed);
  const rows: SyntheticAthleteDay[] = [];
  for (let athlete = 0; athlete < options.athletes; athlete++) {
    const athleteId = `athlete-${String(athlete).padStart(4, '0')}`;
    const form = formSeries(isoDate(0), dailyLoads(random, WARM_UP_DAYS + options.days), null, []);
    for (let index = WARM_UP_DAYS; index < form.length; index++) {
      const day = form[index]!;
      const injuryProbability = hiddenInjuryProbability(day);
      rows.push({
        athleteId,
        form: day,
        loadSpikeRaised: (day.acwrEwma ?? 0) > 1.5,
        injuryProbability,
        injuredWithin7Days: random.uniform() < injuryProbability ? 1 : 0,
      });
    }
  }
  return rows;
}
