import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import type { Viewer } from '../../../lib/auth/viewer';
import { repoRoot } from '../../../lib/paths';
import { assertOperationAccess } from './operation-access';
import { supergraphAuthRequirements } from './supergraph-auth';

// The real supergraph: what the gateway serves and what @composeDirective kept of @auth.
const sdl = readFileSync(join(repoRoot, 'supergraph.graphql'), 'utf8');
const schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const requirements = supergraphAuthRequirements(sdl);

const athlete: Viewer = { userId: 'u1', roles: ['ATHLETE'] };
const admin: Viewer = { userId: 'u2', roles: ['ATHLETE', 'ADMIN'] };

function check(source: string, viewer: Viewer | null, operationName?: string) {
  const document = parse(source);
  const operation = getOperationAST(document, operationName)!;
  try {
    assertOperationAccess({ schema, document, operation, viewer, requirements });
    return 'allowed';
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, extensions: error.extensions };
  }
}

describe('supergraphAuthRequirements', () => {
  it('reads @auth from the composed supergraph, on fields and on types', () => {
    expect(requirements.get('Query.me')).toEqual([[]]);
    expect(requirements.get('Mutation.startWorkout')).toEqual([[]]);
    expect(requirements.get('Mutation.issuePartnerApiKey')).toEqual([['ADMIN', 'PARTNER']]);
    expect(requirements.get('PartnerApiKey.name')).toEqual([['ADMIN', 'PARTNER']]);
    expect(requirements.has('Query.sports')).toBe(false);
    expect(requirements.has('Mutation.login')).toBe(false);
  });
});

describe('assertOperationAccess', () => {
  it('lets anonymous callers select unguarded fields', () => {
    expect(check('{ sports { sport } __typename }', null)).toBe('allowed');
  });

  it('refuses an anonymous caller a field needing any signed-in user: UNAUTHENTICATED, HTTP 401', () => {
    expect(check('{ sports { sport } me { id } }', null)).toEqual({
      message: 'Sign in first: Query.me needs a valid access token (Authorization: Bearer <token>).',
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
    expect(check('mutation { startWorkout(sport: RUN) { id } }', null)).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(check('{ me { id } }', athlete)).toBe('allowed');
  });

  it('refuses a role-guarded field to an account without the role: FORBIDDEN, HTTP 403', () => {
    expect(check('{ partnerApiKeys { id } }', athlete)).toEqual({
      message: 'Query.partnerApiKeys needs the role ADMIN or PARTNER, which your account does not have.',
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
    expect(check('{ partnerApiKeys { id name } }', admin)).toBe('allowed');
  });

  it('finds guarded fields inside fragments and inline fragments', () => {
    expect(check('query { ...Q } fragment Q on Query { me { id } }', null)).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(check('query { ... on Query { me { id } } }', null)).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('ignores fragments only another operation of the document uses', () => {
    const document = `
      query Public { sports { sport } }
      query Private { ...Mine }
      fragment Mine on Query { me { id } }`;
    expect(check(document, null, 'Public')).toBe('allowed');
    expect(check(document, null, 'Private')).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
