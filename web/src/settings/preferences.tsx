/**
 * The signed-in athlete's reading preferences, loaded once: units (their profile's) and time zone (their
 * account's). Screens format every figure and date through these, never through the browser's defaults.
 */
import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { graphql } from '../__generated__/gql';
import { browserTimeZone } from '../format/dates';
import type { Units } from '../format/units';

export const PreferencesQuery = graphql(`
  query Preferences {
    me {
      id
      displayName
      timeZone
      profile {
        handle
        units
      }
    }
  }
`);

export interface Preferences {
  userId: string | null;
  displayName: string;
  handle: string | null;
  units: Units;
  timeZone: string;
}

const fallback: Preferences = {
  userId: null,
  displayName: '',
  handle: null,
  units: 'METRIC',
  timeZone: browserTimeZone(),
};

const PreferencesContext = createContext<Preferences>(fallback);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(PreferencesQuery);
  const me = data?.me;
  const value: Preferences = me
    ? {
        userId: me.id,
        displayName: me.displayName,
        handle: me.profile?.handle ?? null,
        units: me.profile?.units ?? 'METRIC',
        timeZone: me.timeZone ?? fallback.timeZone,
      }
    : fallback;
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export const usePreferences = () => useContext(PreferencesContext);
