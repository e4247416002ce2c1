/** The session as React state: screens re-render on sign-in and sign-out, in this tab or another. */
import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange, type Session } from './session';

let snapshot: Session | null = currentSession();
onSessionChange((session) => {
  snapshot = session;
});

export function useSession(): Session | null {
  return useSyncExternalStore(
    (notify) => onSessionChange(() => notify()),
    () => snapshot,
  );
}
