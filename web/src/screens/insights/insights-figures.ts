/**
 * The form figures as the athlete reads them: loads in AU with one decimal, ratios with two, and a sentence
 * each saying what the figure means (the definitions of the README's Insights section).
 */

export interface FormFigures {
  load: number;
  acuteLoad: number;
  chronicLoad: number;
  acuteChronicRatio?: number | null;
  fitness: number;
  fatigue: number;
  form: number;
  monotony?: number | null;
  strain?: number | null;
}

/** Above this acute:chronic ratio insights raises a load spike. */
export const SPIKE_ABOVE = 1.5;
/** Below this form (TSB) the advice is an easy day, once past the warm-up. */
export const VERY_NEGATIVE_FORM = -30;

/** A load, fitness, fatigue or form figure (AU on the TRIMP scale), one decimal, with a true minus sign. */
export function formatLoad(value: number): string {
  const shown = (Math.round(value * 10) / 10).toFixed(1);
  return shown === '-0.0' ? '0.0' : shown.replace('-', '−');
}

/** A ratio (acute:chronic, monotony) with two decimals; '–' when there is none. */
export const formatRatio = (value: number | null | undefined) =>
  value == null || !Number.isFinite(value) ? '–' : value.toFixed(2);

/** What the form (TSB) of the day says, in words. */
export function formWords(form: number): string {
  if (form < VERY_NEGATIVE_FORM) return 'Very negative: you are heavily loaded, and an easy day helps.';
  if (form < -10) return 'Negative: you are training harder than you are used to.';
  if (form <= 5) return 'Near zero: your recent load matches what you are used to.';
  return 'Positive: you are fresh, your recent load is below what you are used to.';
}

/** What the acute:chronic ratio says, in words; it is a signal about load, not a prediction of injury. */
export function ratioWords(ratio: number | null | undefined): string {
  if (ratio == null) return 'It appears once you have a chronic load.';
  if (ratio > SPIKE_ABOVE) return `Above ${SPIKE_ABOVE}: a load spike, well above what you are used to.`;
  if (ratio < 0.8) return 'Below 0.8: less load than you are used to.';
  return `Between 0.8 and ${SPIKE_ABOVE}: close to what you are used to.`;
}

export interface FormStat {
  label: string;
  value: string;
  meaning: string;
}

/** The day's figures in the order the screen lists them; monotony and strain only when there are any. */
export function formStats(form: FormFigures): FormStat[] {
  const stats: FormStat[] = [
    {
      label: 'Fitness',
      value: formatLoad(form.fitness),
      meaning: 'Your long-term load: daily load averaged with a 42-day time constant (CTL).',
    },
    {
      label: 'Fatigue',
      value: formatLoad(form.fatigue),
      meaning: 'Your short-term load: daily load averaged with a 7-day time constant (ATL).',
    },
    {
      label: 'Form',
      value: formatLoad(form.form),
      meaning: `Fitness minus fatigue (TSB). ${formWords(form.form)}`,
    },
    {
      label: 'Acute:chronic ratio',
      value: formatRatio(form.acuteChronicRatio),
      meaning: `This week's load (7-day average) over the last four weeks' (28-day). ${ratioWords(
        form.acuteChronicRatio,
      )} On its own it does not predict injury.`,
    },
    {
      label: "Today's load",
      value: formatLoad(form.load),
      meaning: "The sum of today's workouts' training load, in AU; zero on a rest day.",
    },
  ];
  if (form.monotony != null) {
    stats.push({
      label: 'Monotony',
      value: formatRatio(form.monotony),
      meaning:
        'How alike the last 7 days were: their mean load over its spread. High means little change between hard and easy days.',
    });
  }
  if (form.strain != null) {
    stats.push({
      label: 'Strain',
      value: formatLoad(form.strain),
      meaning: "The last 7 days' load times their monotony: much load with little variation reads high.",
    });
  }
  return stats;
}
