import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import type { Viewer } from '../auth/viewer';
import type { DomainError } from '../errors/domain-error';
import { authRequirements, enforceAuthDirective } from './auth-directive';

const typeDefs = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
    @link(url: "https://pulse.dev/auth/v1.0", import: ["@auth"])
    @composeDirective(name: "@auth")

  enum Role { ATHLETE COACH ADMIN PARTNER }
  directive @auth(requires: [Role!]!) on FIELD_DEFINITION | OBJECT

  type Query {
    open: String
    mine: String @auth(requires: [])
    staff: String @auth(requires: [ADMIN, COACH])
    report: Report
  }

  type Report @auth(requires: [ADMIN]) {
    total: Int
    detail: String @auth(requires: [COACH])
  }
`);

const resolvers = {
  Query: { open: () => 'open', mine: () => 'mine', staff: () => 'staff', report: () => ({ total: 3 }) },
  Report: { detail: () => 'detail' },
};

const schema = enforceAuthDirective(buildSubgraphSchema([{ typeDefs, resolvers }]));

const run = async (query: string, viewer: Viewer | null) => {
  const result = await graphql({ schema, source: query, contextValue: { viewer } });
  return { data: result.data, codes: result.errors?.map((e) => (e.originalError as DomainError).code) };
};
const athlete: Viewer = { userId: 'u1', roles: ['ATHLETE'] };
const coach: Viewer = { userId: 'u2', roles: ['ATHLETE', 'COACH'] };
const admin: Viewer = { userId: 'u3', roles: ['ADMIN'] };

describe('authRequirements', () => {
  it('lists the guarded fields with the requirements of their type and their own', () => {
    expect(Object.fromEntries(authRequirements(schema))).toEqual({
      'Query.mine': [[]],
      'Query.staff': [['ADMIN', 'COACH']],
      'Report.total': [['ADMIN']],
      'Report.detail': [['ADMIN'], ['COACH']],
    });
  });

  it('refuses a role it does not know, naming where it is', () => {
    const bad = parse(`
      directive @auth(requires: [String!]!) on FIELD_DEFINITION | OBJECT
      type Query { x: String @auth(requires: ["ROOT"]) }
    `);
    expect(() => enforceAuthDirective(buildSubgraphSchema([{ typeDefs: bad }]))).toThrow(
      /@auth on Query\.x names an unknown role/,
    );
  });
});

describe('enforceAuthDirective', () => {
  it('leaves unguarded fields open to anonymous callers', async () => {
    expect(await run('{ open }', null)).toEqual({ data: { open: 'open' }, codes: undefined });
  });

  it('answers UNAUTHENTICATED without a viewer for requires: []', async () => {
    expect(await run('{ mine }', null)).toEqual({ data: { mine: null }, codes: ['UNAUTHENTICATED'] });
    expect(await run('{ mine }', athlete)).toEqual({ data: { mine: 'mine' }, codes: undefined });
  });

  it('answers FORBIDDEN to a viewer holding none of the roles, and lets any one of them through', async () => {
    expect(await run('{ staff }', athlete)).toEqual({ data: { staff: null }, codes: ['FORBIDDEN'] });
    expect(await run('{ staff }', coach)).toEqual({ data: { staff: 'staff' }, codes: undefined });
    expect(await run('{ staff }', admin)).toEqual({ data: { staff: 'staff' }, codes: undefined });
  });

  it('guards every field of a type carrying @auth, default resolvers included', async () => {
    expect(await run('{ report { total } }', coach)).toEqual({
      data: { report: { total: null } },
      codes: ['FORBIDDEN'],
    });
    expect(await run('{ report { total } }', admin)).toEqual({
      data: { report: { total: 3 } },
      codes: undefined,
    });
  });

  it('applies the type’s and the field’s requirements together', async () => {
    expect((await run('{ report { detail } }', admin)).codes).toEqual(['FORBIDDEN']);
    const both: Viewer = { userId: 'u4', roles: ['ADMIN', 'COACH'] };
    expect((await run('{ report { detail } }', both)).data).toEqual({ report: { detail: 'detail' } });
  });

  it('says which field needs which role', async () => {
    const result = await graphql({ schema, source: '{ staff }', contextValue: { viewer: athlete } });
    expect(result.errors?.[0]?.message).toBe(
      'Query.staff needs the role ADMIN or COACH, which your account does not have.',
    );
  });
});
