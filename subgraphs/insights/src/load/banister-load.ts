/**
 * The Banister TRIMP of a steady effort: minutes × HRr × weighting(HRr), the weighting being the mean of
 * the male and female Banister curves (the athlete's sex is unknown here; training's TRIMP does the same).
 * Every fallback load (session RPE, pace, duration) goes through this, so all loads share the TRIMP scale.
 */
import { BANISTER_WEIGHTINGS, type BanisterCoefficients } from './load-config';

const weighting = ({ factor, exponent }: BanisterCoefficients, reserve: number) =>
  factor * Math.exp(exponent * reserve);

/** Mean of the male and female Banister weightings at heart-rate reserve fraction `reserve`. */
export function banisterWeighting(reserve: number): number {
  const { male, female } = BANISTER_WEIGHTINGS;
  return (weighting(male, reserve) + weighting(female, reserve)) / 2;
}

/** TRIMP-equivalent load (AU) of `minutes` at a steady `reserve` (0..1); 0 for no time. */
export function banisterLoad(minutes: number, reserve: number): number {
  if (!(minutes > 0) || !(reserve > 0)) return 0;
  return minutes * reserve * banisterWeighting(reserve);
}
