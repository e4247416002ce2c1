/** The gear screen's operations: the athlete's gear with its wear, and the changes made to it. */
import { graphql } from '../../__generated__/gql';

export const GearScreenQuery = graphql(`
  query GearScreenQuery {
    myGear(includeRetired: true) {
      id
      kind
      name
      brand
      model
      distanceMeters
      movingSeconds
      retirementDistanceMeters
      wearPercent
      wearStatus
      status
      retiredAt
      defaultForSports
      workoutCount
      components {
        id
        kind
        name
        distanceMeters
        expectedLifetimeMeters
        wearPercent
        wearStatus
      }
    }
  }
`);

export const GearScreenAddGear = graphql(`
  mutation GearScreenAddGear($input: AddGearInput!) {
    addGear(input: $input) {
      id
      name
    }
  }
`);

export const GearScreenRetireGear = graphql(`
  mutation GearScreenRetireGear($id: ID!) {
    retireGear(id: $id) {
      id
      status
      retiredAt
      defaultForSports
    }
  }
`);

export const GearScreenSetDefaultGear = graphql(`
  mutation GearScreenSetDefaultGear($sport: Sport!, $gearIds: [ID!]!) {
    setDefaultGear(sport: $sport, gearIds: $gearIds) {
      id
      defaultForSports
    }
  }
`);

export const GearScreenAddComponent = graphql(`
  mutation GearScreenAddComponent($gearId: ID!, $input: AddGearComponentInput!) {
    addGearComponent(gearId: $gearId, input: $input) {
      id
    }
  }
`);

export const GearScreenRetireComponent = graphql(`
  mutation GearScreenRetireComponent($id: ID!) {
    retireGearComponent(id: $id) {
      id
      retiredAt
    }
  }
`);
