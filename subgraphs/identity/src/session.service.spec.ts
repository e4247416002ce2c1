import { ANN_REGISTRATION, HOME, newTestSessions, PASSWORD } from './session.fixture';

describe('login', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const { accounts, sessions } = await newTestSessions();
    const registered = await accounts.register(ANN_REGISTRATION);
    await expect(sessions.login('ANN@example.com', PASSWORD, HOME)).resolves.toMatchObject({
      user: { id: registered.user.id },
    });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const { accounts, sessions } = await newTestSessions();
    await accounts.register(ANN_REGISTRATION);
    const wrongPassword = await sessions
      .login('ann@example.com', 'not the password', HOME)
      .catch((e: unknown) => e);
    const unknownEmail = await sessions
      .login('bob@example.com', 'not the password', HOME)
      .catch((e: unknown) => e);
    expect(wrongPassword).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(unknownEmail).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: (wrongPassword as Error).message,
    });
  });

  it('slows down repeated failures for one email, even the right password, until the delay passed', async () => {
    const { accounts, sessions, advance } = await newTestSessions();
    await accounts.register(ANN_REGISTRATION);
    for (let i = 0; i < 5; i += 1) {
      await expect(sessions.login('ann@example.com', 'guess', HOME)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    await expect(sessions.login('ann@example.com', PASSWORD, HOME)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 1 },
    });
    advance(1);
    await expect(sessions.login('ann@example.com', PASSWORD, HOME)).resolves.toHaveProperty('accessToken');
  });
});

describe('refresh', () => {
  it('rotates: the new refresh token works, the used one is spent', async () => {
    const { accounts, sessions } = await newTestSessions();
    const first = await accounts.register(ANN_REGISTRATION);
    const second = await sessions.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(sessions.refresh(second.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const { accounts, sessions } = await newTestSessions();
    const first = await accounts.register(ANN_REGISTRATION);
    const other = await sessions.login('ann@example.com', PASSWORD, HOME);
    const second = await sessions.refresh(first.refreshToken);

    await expect(sessions.refresh(first.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: /already used/,
    });
    await expect(sessions.refresh(second.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // Another sign-in of the same account is another family and keeps working.
    await expect(sessions.refresh(other.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('refuses an expired or unknown refresh token', async () => {
    const { accounts, sessions, advance } = await newTestSessions();
    const first = await accounts.register(ANN_REGISTRATION);
    await expect(sessions.refresh('made-up')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    advance(3601);
    await expect(sessions.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('stores only hashes of refresh tokens', async () => {
    const { accounts, refreshTokens } = await newTestSessions();
    const session = await accounts.register(ANN_REGISTRATION);
    expect(JSON.stringify(refreshTokens.rows)).not.toContain(session.refreshToken);
  });
});

describe('logout', () => {
  it('ends the session: its refresh token no longer works', async () => {
    const { accounts, sessions } = await newTestSessions();
    const session = await accounts.register(ANN_REGISTRATION);
    await expect(sessions.logout(session.refreshToken)).resolves.toBe(true);
    await expect(sessions.refresh(session.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sessions.logout(session.refreshToken)).resolves.toBe(false);
  });
});
