/**
 * The signed-in session: the token pair kept in localStorage (so every tab shares it), and its silent
 * refresh. Refresh tokens rotate and a reused one revokes the whole session, so one refresh runs at a time
 * across tabs (Web Locks) and a tab that waited takes the pair another tab already obtained.
 */
export interface Session {
  userId: string;
  displayName: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** What `register`, `login` and `refreshToken` answer (AuthPayload). */
export interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; displayName: string };
}

const STORAGE_KEY = 'pulse.session';
/** An access token this close to expiry is refreshed before it is sent. */
const REFRESH_MARGIN_MS = 30_000;

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    return JSON.parse(stored) as Session;
  } catch {
    return null;
  }
}

export function sessionOf(payload: AuthPayload): Session {
  return {
    userId: payload.user.id,
    displayName: payload.user.displayName,
    accessToken: payload.accessToken,
    accessTokenExpiresAt: payload.accessTokenExpiresAt,
    refreshToken: payload.refreshToken,
    refreshTokenExpiresAt: payload.refreshTokenExpiresAt,
  };
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(session);
}

/** Called on every change of session, in this tab or another one. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  const session = currentSession();
  for (const listener of listeners) listener(session);
});

/** Trades a refresh token for a new pair (the `refreshToken` mutation); throws when it is refused. */
export type TokenExchange = (refreshToken: string) => Promise<AuthPayload>;

/**
 * An access token that is valid for a while yet, refreshed first when it is about to expire; null when
 * signed out or when the session could not be renewed (then it is cleared: the user signs in again).
 */
export async function validAccessToken(exchange: TokenExchange, now = Date.now()): Promise<string | null> {
  const session = currentSession();
  if (!session) return null;
  if (Date.parse(session.accessTokenExpiresAt) - now > REFRESH_MARGIN_MS) return session.accessToken;
  const renewed = await refreshSession(exchange, session.refreshToken);
  return renewed?.accessToken ?? null;
}

let refreshing: Promise<Session | null> | null = null;

/**
 * Renews the session that `staleRefreshToken` belongs to, once however many callers ask: calls in this tab
 * share one promise, tabs queue on a Web Lock and a later one finds the pair already renewed.
 */
export function refreshSession(exchange: TokenExchange, staleRefreshToken: string): Promise<Session | null> {
  refreshing ??= withRefreshLock(async () => {
    const session = currentSession();
    if (!session) return null;
    // Another tab (or an earlier call) renewed it while this one waited: use theirs, never reuse ours.
    if (session.refreshToken !== staleRefreshToken) return session;
    try {
      const renewed = sessionOf(await exchange(session.refreshToken));
      saveSession(renewed);
      return renewed;
    } catch (error) {
      if (isNetworkFailure(error)) throw error;
      saveSession(null);
      return null;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('pulse.session.refresh', task) as Promise<T>;
  }
  return task();
}

/** fetch's own failure (offline, connection refused): the session is not at fault, keep it. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}
