/**
 * The constants of an athlete's form, one number each (the README of insights lists them with their sources).
 *
 * - Acute/chronic load: exponentially weighted moving averages (Williams et al. 2017, "Better way to
 *   determine the acute:chronic workload ratio?", BJSM), λ = 2 / (N + 1) with N = 7 (acute) and 28
 *   (chronic): EWMA_t = EWMA_{t−1} + λ·(load_t − EWMA_{t−1}), both seeded with the load of the athlete's
 *   first day (acute = chronic = load of day 1).
 * - Fitness / fatigue (Banister impulse-response, as CTL/ATL in TrainingPeaks' Performance Manager):
 *   X_t = X_{t−1} + (load_t − X_{t−1})·(1 − e^(−1/τ)), τ = 42 days (CTL) and 7 days (ATL), both 0 before
 *   day 1. TSB = CTL − ATL of the SAME day; TrainingPeaks shows yesterday's CTL − ATL as today's form, so
 *   our TSB of day d is their form of day d + 1.
 * - Rolling ACWR: mean of the last 7 days over the mean of the last 28 (coupled: the acute week is inside
 *   the chronic window) or of the 28 days before the acute week (uncoupled; Lolli et al. 2019).
 * - Monotony and strain (Foster 1998): mean / population standard deviation of the last 7 days' loads, and
 *   the 7-day sum × monotony.
 *
 * Changing any value means bumping `version`, stored with every form state.
 */
const ACUTE_DAYS = 7;
const CHRONIC_DAYS = 28;

export const FORM_PARAMETERS = {
  version: 'form@1',
  acuteDays: ACUTE_DAYS,
  chronicDays: CHRONIC_DAYS,
  acuteLambda: 2 / (ACUTE_DAYS + 1),
  chronicLambda: 2 / (CHRONIC_DAYS + 1),
  ctlTimeConstantDays: 42,
  atlTimeConstantDays: 7,
  monotonyDays: 7,
  /** Loads a state needs: the 7 acute days plus the 28 days before them (uncoupled rolling ACWR). */
  windowDays: ACUTE_DAYS + CHRONIC_DAYS,
} as const;
