import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '../../../lib/graphql/context';
import { createUserLoaders } from './user-loader';
import type { UserRecord } from './user.repo';

const aUser = (): UserRecord => ({
  id: uuidv7(),
  email: 'a@example.com',
  displayName: 'A',
  passwordHash: 'x',
  roles: ['ATHLETE'],
  timeZone: 'UTC',
  status: 'ACTIVE',
  createdAt: new Date(),
});
const aContext = (): RequestContext => ({
  viewer: null,
  correlationId: 'c',
  logger: pino({ level: 'silent' }),
});

describe('createUserLoaders', () => {
  it('loads the users referenced in one request with one query, null for unknown or malformed ids', async () => {
    const [ann, bob] = [aUser(), aUser()];
    const queries: (readonly string[])[] = [];
    const loaderOf = createUserLoaders(async (ids) => {
      queries.push(ids);
      return [ann, bob].filter((u) => ids.includes(u.id));
    });
    const loader = loaderOf(aContext());
    const unknown = uuidv7();
    const found = await Promise.all(
      [ann.id, bob.id, unknown, 'not-a-uuid', ann.id].map((id) => loader.load(id)),
    );
    expect(found).toEqual([ann, bob, null, null, ann]);
    expect(queries).toEqual([[ann.id, bob.id, unknown]]);
  });

  it('does not share results between requests', async () => {
    const loaderOf = createUserLoaders(async () => []);
    expect(loaderOf(aContext())).not.toBe(loaderOf(aContext()));
  });
});
