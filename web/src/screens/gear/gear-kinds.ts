/** Kinds of gear and of components named for people, with the sport and lifetime each has by default. */
import type { ComponentKind, GearKind, Sport } from '../../__generated__/enums';

export const GEAR_KIND_OPTIONS: { value: GearKind; label: string }[] = [
  { value: 'SHOES', label: 'Shoes' },
  { value: 'BIKE', label: 'Bike' },
  { value: 'OTHER', label: 'Other' },
];

export const USUAL_SPORT: Record<GearKind, Sport> = { SHOES: 'RUN', BIKE: 'RIDE', OTHER: 'RUN' };

export const COMPONENT_KIND_NAMES: Record<ComponentKind, string> = {
  CHAIN: 'Chain',
  TYRE: 'Tyre',
  CASSETTE: 'Cassette',
  BRAKE_PADS: 'Brake pads',
  OTHER: 'Other part',
};

export const COMPONENT_KIND_OPTIONS = (Object.keys(COMPONENT_KIND_NAMES) as ComponentKind[]).map((value) => ({
  value,
  label: COMPONENT_KIND_NAMES[value],
}));

/** The lifetime the API gives a component of each kind when none is typed (OTHER needs one). */
export const DEFAULT_LIFETIME_METERS: Record<ComponentKind, number | null> = {
  CHAIN: 5_000_000,
  TYRE: 5_000_000,
  CASSETTE: 15_000_000,
  BRAKE_PADS: 3_000_000,
  OTHER: null,
};
