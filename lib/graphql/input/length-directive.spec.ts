import { readFileSync } from 'node:fs';
import { getNamedType, GraphQLString, isInputObjectType, isObjectType, parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { readSupergraphConfig } from '../../supergraph-config';
import { argumentCoordinate, inputFieldCoordinate, lengthLimitsOf } from './length-directive';

describe('lengthLimitsOf', () => {
  it('reads @length from arguments and input fields, by schema coordinate', () => {
    const limits = lengthLimitsOf(
      parse(`
        type Mutation { log(title: String @length(max: 120), sport: String): String }
        input GearInput { brand: String @length(max: 100) }
      `),
    );
    expect([...limits]).toEqual([
      ['Mutation.log(title:)', 120],
      ['GearInput.brand', 100],
    ]);
  });

  it('refuses a @length without a positive max', () => {
    expect(() => lengthLimitsOf(parse('type Query { a(b: String @length(max: 0)): String }'))).toThrow(
      /Query.a\(b:\)/,
    );
  });
});

// Clients read the limits in the schema's descriptions: each string a subgraph takes says how long it may be.
describe.each(readSupergraphConfig().map((entry) => [entry.name, entry.schemaPath]))(
  'the string inputs of %s',
  (_name, schemaPath) => {
    const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
    const limits = lengthLimitsOf(typeDefs);
    const schema = buildSubgraphSchema([{ typeDefs }]);
    const strings = Object.values(schema.getTypeMap()).flatMap((type) => {
      if (type.name.startsWith('__')) return [];
      if (isInputObjectType(type)) {
        return Object.values(type.getFields()).map((f) => ({
          coordinate: inputFieldCoordinate(type.name, f.name),
          type: f.type,
          description: f.description,
        }));
      }
      if (!isObjectType(type)) return [];
      return Object.values(type.getFields()).flatMap((field) =>
        field.args.map((a) => ({
          coordinate: argumentCoordinate(type.name, field.name, a.name),
          type: a.type,
          description: a.description,
        })),
      );
    });
    const declared = strings.filter((s) => getNamedType(s.type) === GraphQLString);

    it.each(declared.map((s) => [s.coordinate, s]))('%s declares @length and states it', (_c, input) => {
      const max = limits.get(input.coordinate);
      expect(max).toBeDefined();
      expect(input.description).toContain(`${max} characters`);
    });
  },
);
