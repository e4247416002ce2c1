import { buildSchema, getOperationAST, parse } from 'graphql';
import { BadUserInputError } from '../../errors/domain-error';
import { PULSE_SCALARS } from '../scalars';
import { checkOperationInputs } from './check-inputs';
import { lengthLimitsOf } from './length-directive';

// A gateway's view: DateTime is declared but not parsed by the schema itself.
const sdl = `
  directive @length(max: Int!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  scalar DateTime
  input GearInput { brand: String @length(max: 5), tags: [String!], boughtAt: DateTime }
  type Query { gear(id: ID!, note: String): String }
  type Mutation {
    addGear(input: GearInput!): String
    start(at: DateTime, title: String @length(max: 3)): String
  }
`;
const schema = buildSchema(sdl);
const rules = { lengths: lengthLimitsOf(parse(sdl)), scalars: PULSE_SCALARS };

function check(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  checkOperationInputs(schema, document, getOperationAST(document)!, variables, rules);
}

function refusal(query: string, variables?: Record<string, unknown>): BadUserInputError {
  try {
    check(query, variables);
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkOperationInputs', () => {
  it('accepts ordinary text, ids and instants', () => {
    expect(() =>
      check(
        'mutation($i: GearInput!) { addGear(input: $i) start(at: "2026-11-20T07:00:00Z", title: "Run") }',
        {
          i: { brand: 'Asics', tags: ['road', '😀'], boughtAt: '2026-01-01T00:00:00+01:00' },
        },
      ),
    ).not.toThrow();
  });

  it('refuses a NUL character in a variable, naming the input field', () => {
    const error = refusal('mutation($i: GearInput!) { addGear(input: $i) }', { i: { brand: 'A\u0000' } });
    expect(error.details).toEqual({ field: 'input.brand' });
    expect(error.message).toBe('input.brand must not contain the NUL character (U+0000).');
  });

  // GraphQL's parser already refuses a lone surrogate written as an escape in the document itself.
  it('refuses a lone surrogate inside a list', () => {
    const error = refusal('mutation($i: GearInput!) { addGear(input: $i) }', {
      i: { tags: ['ok', '\ud800'] },
    });
    expect(error.details).toEqual({ field: 'input.tags' });
    expect(error.message).toMatch(/well-formed/);
  });

  it('applies the declared @length, counting characters rather than UTF-16 units', () => {
    expect(() => check('mutation { start(title: "😀😀😀") }')).not.toThrow();
    expect(refusal('mutation { start(title: "Long") }').message).toBe('title can have at most 3 characters.');
  });

  it('applies the default lengths: 100 for an ID, 1 000 for a String', () => {
    expect(refusal('query($id: ID!) { gear(id: $id) }', { id: 'x'.repeat(101) }).details).toEqual({
      field: 'id',
    });
    expect(() =>
      check('query($n: String) { gear(id: "1", note: $n) }', { n: 'x'.repeat(1_000) }),
    ).not.toThrow();
    expect(
      refusal('query($n: String) { gear(id: "1", note: $n) }', { n: 'x'.repeat(1_001) }).details,
    ).toEqual({
      field: 'note',
    });
  });

  it.each([
    '',
    'yesterday',
    '2026-02-30T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-01-01T00:00:00+25:00',
    12345,
  ])('parses DateTime with its lib/ scalar even where the schema would pass %p through', (at) => {
    expect(refusal('mutation($at: DateTime) { start(at: $at) }', { at }).details).toEqual({ field: 'at' });
  });

  it('refuses a NUL character written in a literal', () => {
    expect(refusal('mutation { start(title: "a\\u0000") }').details).toEqual({ field: 'title' });
  });

  it('checks literals of Pulse scalars too, and values in fragments', () => {
    expect(refusal('mutation { ...F } fragment F on Mutation { start(at: "2026-13-45") }').details).toEqual({
      field: 'at',
    });
  });

  it('uses a variable default when the variable is not sent', () => {
    expect(refusal('mutation($t: String = "Long") { start(title: $t) }').details).toEqual({ field: 'title' });
  });
});
