import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { RequestContext } from '../../../lib/graphql/context';
import type { User } from './graphql-mappers';
import { createResolvers } from './resolvers';

const resolvers = createResolvers({ accounts: {} as never, sessions: {} as never, partnerKeys: {} as never });
type FieldResolver = (user: User, args: object, ctx: RequestContext) => unknown;
const read = (field: 'roles' | 'createdAt' | 'email', user: User, viewer: Viewer | null) =>
  (resolvers.User![field] as FieldResolver)(
    user,
    {},
    {
      viewer,
      correlationId: 'c',
      logger: pino({ level: 'silent' }),
    },
  );

const admin: User = {
  id: uuidv7(),
  email: 'root@example.com',
  displayName: 'Root',
  passwordHash: 'x',
  roles: ['ATHLETE', 'ADMIN'],
  status: 'ACTIVE',
  createdAt: new Date('2026-11-20T07:00:00Z'),
};
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

describe('User fields only the account holder and admins read', () => {
  it("hides a user's roles and creation time from other users and from anonymous callers", () => {
    for (const viewer of [ann, null]) {
      expect(read('roles', admin, viewer)).toBeNull();
      expect(read('createdAt', admin, viewer)).toBeNull();
    }
  });

  it('shows them to the account holder, also in the sign-in payload', () => {
    const self = { userId: admin.id, roles: admin.roles };
    expect(read('roles', admin, self)).toEqual(['ATHLETE', 'ADMIN']);
    expect(read('createdAt', { ...admin, callerIsOwner: true }, null)).toEqual(admin.createdAt);
  });

  it('shows them to an admin, who still does not see the email', () => {
    const anotherAdmin: Viewer = { userId: uuidv7(), roles: ['ADMIN'] };
    expect(read('roles', admin, anotherAdmin)).toEqual(['ATHLETE', 'ADMIN']);
    expect(read('createdAt', admin, anotherAdmin)).toEqual(admin.createdAt);
    expect(read('email', admin, anotherAdmin)).toBeNull();
  });
});
