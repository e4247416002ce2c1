import { readFileSync } from 'node:fs';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { SPORTS } from '../lib/sports';
import { readSupergraphConfig } from '../lib/supergraph-config';

describe('the Sport enum', () => {
  it.each(readSupergraphConfig().map((s) => [s.name, s.schemaPath]))(
    'of the %s subgraph, when it has one, lists exactly the sports of lib/sports.ts',
    (_name, schemaPath) => {
      const sport = parse(readFileSync(schemaPath, 'utf8')).definitions.find(
        (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'Sport',
      );
      if (sport) expect(sport.values?.map((v) => v.name.value)).toEqual([...SPORTS]);
    },
  );
});
