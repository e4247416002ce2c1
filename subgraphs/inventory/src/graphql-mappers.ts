/** The domain types the inventory resolvers return for each GraphQL type (used by codegen's mappers). */
export type { Gear, GearComponent } from './gear-view';

/** A workout reference, with the gear ids training resolved for it (`@requires(fields: "gearIds")`). */
export interface Workout {
  id: string;
  gearIds: string[];
}

/** A user reference: inventory knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}
