/** Checks what athletes send about gear and turns it into stored details, with the defaults applied. */
import { BadUserInputError } from '../../../lib/errors/domain-error';
import { retirementDistanceFor, type GearKind } from './gear-defaults';
import type { GearDetails } from './gear.repo';

/** The most an item may have covered before it was added (10 000 km), so a typo cannot poison totals. */
export const MAX_INITIAL_DISTANCE_METERS = 10_000_000;
export const MAX_TEXT_LENGTH = 100;
/**
 * The range of a retirement distance or a component's expected lifetime (1 km to 100 000 km): wear is a
 * distance divided by it, and a limit near zero would make every figure of the gear infinite.
 */
export const WEAR_LIMIT_METERS = { min: 1_000, max: 100_000_000 } as const;
/** Clocks of phones drift: a time up to this far ahead is accepted as "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A purchase date is a calendar day: midnight of "today" east of UTC lies up to 14 hours ahead of UTC. */
export const DATE_SKEW_MS = 24 * 60 * 60 * 1000;

export interface AddGearInput {
  kind: GearKind;
  brand?: string | null;
  model?: string | null;
  nickname?: string | null;
  purchaseDate?: Date | null;
  initialDistanceMeters?: number | null;
  retirementDistanceMeters?: number | null;
}

/** Absent: unchanged; null: removed (where the value is optional). */
export type UpdateGearInput = { [K in keyof AddGearInput]?: AddGearInput[K] | null };

/** Trimmed text; blank is null. */
export function optionalText(field: string, value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text.length > MAX_TEXT_LENGTH) {
    throw new BadUserInputError(field, `${field} must be at most ${MAX_TEXT_LENGTH} characters.`);
  }
  return text === '' ? null : text;
}

export function notInFuture(field: string, value: Date, now: Date, skewMs = CLOCK_SKEW_MS): Date {
  if (value.getTime() > now.getTime() + skewMs) {
    throw new BadUserInputError(field, `${field} lies in the future; send the date it really happened.`);
  }
  return value;
}

function initialDistance(value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value <= MAX_INITIAL_DISTANCE_METERS)) {
    throw new BadUserInputError(
      'initialDistanceMeters',
      `initialDistanceMeters must be between 0 and ${MAX_INITIAL_DISTANCE_METERS}.`,
    );
  }
  return value;
}

/** A wear limit (retirement distance, component lifetime) within WEAR_LIMIT_METERS. */
export function wearLimit(field: string, value: number): number {
  const { min, max } = WEAR_LIMIT_METERS;
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw new BadUserInputError(field, `${field} must be between ${min} and ${max} metres.`);
  }
  return value;
}

function retirementDistance(value: number | null): number | null {
  return value === null ? null : wearLimit('retirementDistanceMeters', value);
}

function named(details: Pick<GearDetails, 'brand' | 'model' | 'nickname'>): void {
  if (!details.brand && !details.model && !details.nickname) {
    throw new BadUserInputError('nickname', 'Give the gear a brand, a model or a nickname.');
  }
}

/** The details of new gear: checked, trimmed, and with the kind's retirement distance unless one is given. */
export function newGearDetails(input: AddGearInput, now: Date): GearDetails {
  const details: GearDetails = {
    kind: input.kind,
    brand: optionalText('brand', input.brand),
    model: optionalText('model', input.model),
    nickname: optionalText('nickname', input.nickname),
    purchaseDate: input.purchaseDate
      ? notInFuture('purchaseDate', input.purchaseDate, now, DATE_SKEW_MS)
      : null,
    initialDistanceMeters: initialDistance(input.initialDistanceMeters ?? 0),
    retirementDistanceMeters: retirementDistance(
      retirementDistanceFor(input.kind, input.retirementDistanceMeters),
    ),
  };
  named(details);
  return details;
}

/** The changes an update asks for, checked against the gear as it is. */
export function gearChanges(current: GearDetails, input: UpdateGearInput, now: Date): Partial<GearDetails> {
  const changes: Partial<GearDetails> = {};
  if (input.kind === null || input.initialDistanceMeters === null) {
    const field = input.kind === null ? 'kind' : 'initialDistanceMeters';
    throw new BadUserInputError(field, `${field} cannot be removed; leave it out to keep it.`);
  }
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.brand !== undefined) changes.brand = optionalText('brand', input.brand);
  if (input.model !== undefined) changes.model = optionalText('model', input.model);
  if (input.nickname !== undefined) changes.nickname = optionalText('nickname', input.nickname);
  if (input.purchaseDate !== undefined) {
    changes.purchaseDate =
      input.purchaseDate && notInFuture('purchaseDate', input.purchaseDate, now, DATE_SKEW_MS);
  }
  if (input.initialDistanceMeters !== undefined) {
    changes.initialDistanceMeters = initialDistance(input.initialDistanceMeters);
  }
  if (input.retirementDistanceMeters !== undefined) {
    changes.retirementDistanceMeters = retirementDistance(input.retirementDistanceMeters);
  }
  named({ ...current, ...changes });
  return changes;
}
