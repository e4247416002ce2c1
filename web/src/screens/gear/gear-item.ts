/** One item of the athlete's gear as the Gear screen reads it. */
import type { GearScreenQueryQuery } from '../../__generated__/graphql';

export type GearItem = GearScreenQueryQuery['myGear'][number];
