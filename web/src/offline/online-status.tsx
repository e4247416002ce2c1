/** Says so when the browser is offline: recording goes on, the rest waits for the connection. */
import { useSyncExternalStore } from 'react';

function subscribe(notify: () => void) {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

export function OnlineStatus() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="offline-banner" role="status">
      Offline: recordings are kept on this device and sent when you reconnect.
    </p>
  );
}
