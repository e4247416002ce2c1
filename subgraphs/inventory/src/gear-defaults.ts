/** The defaults of gear and components when the athlete gives none (documented in schema.graphql). */
export type GearKind = 'SHOES' | 'BIKE' | 'OTHER';
export type ComponentKind = 'CHAIN' | 'TYRE' | 'CASSETTE' | 'BRAKE_PADS' | 'OTHER';

/** Where a gear kind should be retired, in metres; null: no retirement distance (a bike's parts wear instead). */
export const DEFAULT_RETIREMENT_METERS: Record<GearKind, number | null> = {
  SHOES: 700_000,
  BIKE: null,
  OTHER: null,
};

/** How long a component kind is expected to last, in metres; null: the athlete must say. */
export const DEFAULT_COMPONENT_LIFETIME_METERS: Record<ComponentKind, number | null> = {
  CHAIN: 5_000_000,
  TYRE: 5_000_000,
  CASSETTE: 15_000_000,
  BRAKE_PADS: 3_000_000,
  OTHER: null,
};

/** The retirement distance of new gear: the one given, else the kind's default. */
export function retirementDistanceFor(kind: GearKind, given: number | null | undefined): number | null {
  return given ?? DEFAULT_RETIREMENT_METERS[kind];
}

/** The expected lifetime of a new component: the one given, else the kind's default (null when none). */
export function componentLifetimeFor(kind: ComponentKind, given: number | null | undefined): number | null {
  return given ?? DEFAULT_COMPONENT_LIFETIME_METERS[kind];
}
