import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  currentSession,
  refreshSession,
  saveSession,
  validAccessToken,
  type AuthPayload,
  type Session,
} from './session';

const NOW = Date.parse('2026-12-04T12:00:00Z');

function aSession(overrides: Partial<Session> = {}): Session {
  return {
    userId: 'u1',
    displayName: 'Ann',
    accessToken: 'access-1',
    accessTokenExpiresAt: new Date(NOW + 10 * 60_000).toISOString(),
    refreshToken: 'refresh-1',
    refreshTokenExpiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    ...overrides,
  };
}

function renewedPair(n: number): AuthPayload {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    user: { id: 'u1', displayName: 'Ann' },
  };
}

afterEach(() => saveSession(null));

describe('the session’s silent refresh', () => {
  it('sends a token that is valid for a while yet as it is', async () => {
    saveSession(aSession());
    const exchange = vi.fn();
    await expect(validAccessToken(exchange, NOW)).resolves.toBe('access-1');
    expect(exchange).not.toHaveBeenCalled();
  });

  it('renews a token about to expire once, however many requests ask at the same moment', async () => {
    saveSession(aSession({ accessTokenExpiresAt: new Date(NOW + 10_000).toISOString() }));
    const exchange = vi.fn(async () => renewedPair(2));
    const tokens = await Promise.all([1, 2, 3].map(() => validAccessToken(exchange, NOW)));
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange).toHaveBeenCalledWith('refresh-1');
    expect(currentSession()?.refreshToken).toBe('refresh-2');
  });

  it('never presents a refresh token another tab has already used: it takes that tab’s pair', async () => {
    // Another tab renewed while this one waited for the lock: storage holds refresh-2.
    saveSession(aSession({ accessToken: 'access-2', refreshToken: 'refresh-2' }));
    const exchange = vi.fn();
    const session = await refreshSession(exchange, 'refresh-1');
    expect(session?.accessToken).toBe('access-2');
    expect(exchange).not.toHaveBeenCalled();
  });

  it('signs out when the refresh token is refused, but keeps the session through a network failure', async () => {
    saveSession(aSession());
    await expect(
      refreshSession(() => Promise.reject(new TypeError('Failed to fetch')), 'refresh-1'),
    ).rejects.toThrow(TypeError);
    expect(currentSession()?.refreshToken).toBe('refresh-1');

    await expect(refreshSession(() => Promise.reject(new Error('revoked')), 'refresh-1')).resolves.toBeNull();
    expect(currentSession()).toBeNull();
  });
});
