import { readFileSync } from 'node:fs';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { SPORTS } from '../lib/sports';
import { readSupergraphConfig } from '../lib/supergraph-config';

// Federation needs the enum in every subgraph that uses it; lib/sports.ts is what the code checks against.
const sportEnums = readSupergraphConfig().flatMap(({ name, schemaPath }) => {
  const sport = parse(readFileSync(schemaPath, 'utf8')).definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'Sport',
  );
  return sport ? [{ name, values: sport.values?.map((v) => v.name.value) }] : [];
});

describe('the Sport enum', () => {
  it('is declared by the subgraphs that take sports as input', () => {
    expect(sportEnums.map((e) => e.name).sort()).toEqual([
      'gamification',
      'insights',
      'inventory',
      'social',
      'training',
    ]);
  });

  it.each(sportEnums.map((e) => [e.name, e.values]))(
    'of %s lists exactly the sports of lib/sports.ts',
    (_name, values) => {
      expect(values).toEqual([...SPORTS]);
    },
  );
});
