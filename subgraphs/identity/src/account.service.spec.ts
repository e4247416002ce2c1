import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { AccountView } from './account.service';
import { ANN_REGISTRATION, newTestSessions, PASSWORD } from './session.fixture';

describe('register', () => {
  it('creates an athlete with a normalised email and a hashed password, signed in', async () => {
    const { accounts, users, verifier } = await newTestSessions();
    const session = await accounts.register({
      email: ' Ann@Example.com',
      password: PASSWORD,
      displayName: ' Ann ',
    });
    expect(users.rows).toEqual([
      expect.objectContaining({ email: 'ann@example.com', displayName: 'Ann', roles: ['ATHLETE'] }),
    ]);
    expect(users.rows[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(verifier.verify(session.accessToken)).resolves.toEqual({
      userId: users.rows[0]!.id,
      roles: ['ATHLETE'],
    });
  });

  it('announces the account with identity.user.registered, its email with identity.user.email-changed, and wakes the relay', async () => {
    const { accounts, outbox, now, publications } = await newTestSessions();
    const { user } = await accounts.register({ ...ANN_REGISTRATION, email: ' Ann@Example.com' });
    expect(outbox.events).toEqual([
      expect.objectContaining({
        type: 'identity.user.registered',
        key: user.id,
        actorId: user.id,
        data: { userId: user.id, displayName: 'Ann', registeredAt: now().toISOString(), timeZone: 'UTC' },
      }),
      expect.objectContaining({
        type: 'identity.user.email-changed',
        key: user.id,
        actorId: user.id,
        data: { userId: user.id, email: 'ann@example.com', changedAt: now().toISOString() },
      }),
    ]);
    expect(publications()).toBe(1);
  });

  it('lets the email leave identity in identity.user.email-changed only', async () => {
    const { accounts, outbox } = await newTestSessions();
    const { user } = await accounts.register(ANN_REGISTRATION);
    await accounts.setTimeZone({ userId: user.id, roles: ['ATHLETE'] }, 'Europe/Berlin');
    const carrying = outbox.events.filter((event) => JSON.stringify(event).includes(user.email));
    expect(carrying.map((event) => event.type)).toEqual(['identity.user.email-changed']);
  });

  it('gives an email listed in ADMIN_EMAILS the ADMIN role too', async () => {
    const { accounts } = await newTestSessions();
    const { user } = await accounts.register({
      email: 'Root@example.com',
      password: PASSWORD,
      displayName: 'Root',
    });
    expect(user.roles).toEqual(['ATHLETE', 'ADMIN']);
  });

  it('answers CONFLICT on the email field for an email already registered, in any case, announcing nothing', async () => {
    const { accounts, outbox, publications } = await newTestSessions();
    await accounts.register(ANN_REGISTRATION);
    await expect(
      accounts.register({ email: 'ANN@example.com', password: PASSWORD, displayName: 'Other' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'email' },
    });
    expect(outbox.events.map((event) => event.type)).toEqual([
      'identity.user.registered',
      'identity.user.email-changed',
    ]);
    expect(publications()).toBe(1);
  });

  it('answers BAD_USER_INPUT for a password that breaks the policy, storing nothing', async () => {
    const { accounts, users } = await newTestSessions();
    await expect(
      accounts.register({ email: 'ann@example.com', password: 'short', displayName: 'Ann' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(users.rows).toEqual([]);
  });
});

describe('time zone', () => {
  it('takes a time zone at registration in its canonical spelling, UTC without one', async () => {
    const { accounts, users } = await newTestSessions();
    await accounts.register({ ...ANN_REGISTRATION, timeZone: 'europe/berlin' });
    await accounts.register({ ...ANN_REGISTRATION, email: 'bob@example.com' });
    expect(users.rows.map((row) => row.timeZone)).toEqual(['Europe/Berlin', 'UTC']);
  });

  it('refuses a name that is no IANA time zone, naming the field and storing nothing', async () => {
    const { accounts, users } = await newTestSessions();
    await expect(accounts.register({ ...ANN_REGISTRATION, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'timeZone' },
    });
    expect(users.rows).toEqual([]);
  });

  it('changes the time zone announcing identity.user.updated, and announces nothing when it stays', async () => {
    const { accounts, outbox, now } = await newTestSessions();
    const { user } = await accounts.register(ANN_REGISTRATION);
    const viewer: Viewer = { userId: user.id, roles: ['ATHLETE'] };
    expect((await accounts.setTimeZone(viewer, 'America/New_York')).timeZone).toBe('America/New_York');
    await accounts.setTimeZone(viewer, 'America/New_York');
    expect(outbox.events.map((event) => [event.type, event.data])).toEqual([
      ['identity.user.registered', expect.objectContaining({ timeZone: 'UTC' })],
      ['identity.user.email-changed', expect.objectContaining({ email: 'ann@example.com' })],
      [
        'identity.user.updated',
        { userId: user.id, displayName: 'Ann', timeZone: 'America/New_York', updatedAt: now().toISOString() },
      ],
    ]);
    await expect(accounts.setTimeZone(viewer, 'Nowhere')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('me', () => {
  it('reads the account of the access token, and answers UNAUTHENTICATED once it is gone', async () => {
    const { accounts, users } = await newTestSessions();
    const { user } = await accounts.register(ANN_REGISTRATION);
    expect(await accounts.me({ userId: user.id, roles: user.roles })).toMatchObject({
      email: 'ann@example.com',
    });
    users.rows.length = 0;
    await expect(accounts.me({ userId: user.id, roles: user.roles })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('seenBy: the fields only the account holder and admins read', () => {
  const admin: AccountView = {
    id: uuidv7(),
    email: 'root@example.com',
    displayName: 'Root',
    passwordHash: 'x',
    roles: ['ATHLETE', 'ADMIN'],
    status: 'ACTIVE',
    timeZone: 'Europe/Berlin',
    createdAt: new Date('2026-11-20T07:00:00Z'),
  };
  const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

  it("hides a user's email, roles and creation time from other users and from anonymous callers", async () => {
    const { accounts } = await newTestSessions();
    for (const viewer of [ann, null]) {
      expect(accounts.seenBy(viewer, admin)).toEqual({
        email: null,
        roles: null,
        createdAt: null,
        timeZone: null,
      });
    }
  });

  it('shows them to the account holder, also in the sign-in payload', async () => {
    const { accounts } = await newTestSessions();
    const self = { userId: admin.id, roles: admin.roles };
    expect(accounts.seenBy(self, admin)).toEqual({
      email: 'root@example.com',
      roles: ['ATHLETE', 'ADMIN'],
      createdAt: admin.createdAt,
      timeZone: 'Europe/Berlin',
    });
    expect(accounts.seenBy(null, { ...admin, callerIsOwner: true }).createdAt).toEqual(admin.createdAt);
  });

  it('shows roles and creation time to an admin, who still does not see the email', async () => {
    const { accounts } = await newTestSessions();
    const anotherAdmin: Viewer = { userId: uuidv7(), roles: ['ADMIN'] };
    expect(accounts.seenBy(anotherAdmin, admin)).toEqual({
      email: null,
      roles: ['ATHLETE', 'ADMIN'],
      createdAt: admin.createdAt,
      timeZone: null,
    });
  });
});
