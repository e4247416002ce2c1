import { spreadEntities, uniqueRepresentations } from './entity-representations';

const table = { __typename: 'Product', upc: '1' };
const couch = { __typename: 'Product', upc: '2' };

describe('uniqueRepresentations', () => {
  it('sends each distinct representation once and remembers which position asked for which', () => {
    expect(uniqueRepresentations({ representations: [table, couch, { ...table }, table] })).toEqual({
      representations: [table, couch],
      positions: [0, 1, 0, 0],
    });
  });

  it('leaves variables without representations, or without two alike, as they are', () => {
    expect(uniqueRepresentations(undefined)).toBeNull();
    expect(uniqueRepresentations({ first: 5 })).toBeNull();
    expect(uniqueRepresentations({ representations: [table, couch] })).toBeNull();
  });

  it('tells apart values of different types and nested values', () => {
    const byNumber = { __typename: 'Product', upc: 1 };
    const byString = { __typename: 'Product', upc: '1' };
    const nested = { __typename: 'Product', dimensions: { size: 1 } };
    const otherNested = { __typename: 'Product', dimensions: { size: 2 } };
    const tricky = [
      { __typename: 'Product', upc: '1;name=s1:x' },
      { __typename: 'Product', upc: '1', name: 'x' },
    ];
    expect(uniqueRepresentations({ representations: [...tricky, ...tricky] })?.positions).toEqual([
      0, 1, 0, 1,
    ]);
    expect(
      uniqueRepresentations({ representations: [byNumber, byString, nested, otherNested, { ...nested }] }),
    ).toEqual({ representations: [byNumber, byString, nested, otherNested], positions: [0, 1, 2, 3, 2] });
  });

  it('tells apart representations that differ in any field (a @requires value, say)', () => {
    const heavy = { __typename: 'Product', upc: '1', weight: 100 };
    const light = { __typename: 'Product', upc: '1', weight: 20 };
    expect(uniqueRepresentations({ representations: [heavy, light, heavy] })?.representations).toEqual([
      heavy,
      light,
    ]);
  });
});

describe('spreadEntities', () => {
  const unique = { representations: [table, couch], positions: [0, 1, 0, 0] };

  it('gives every position the answer to its representation', () => {
    const answer = spreadEntities({ data: { _entities: [{ name: 'Table' }, { name: 'Couch' }] } }, unique);
    expect(answer.data._entities).toEqual([
      { name: 'Table' },
      { name: 'Couch' },
      { name: 'Table' },
      { name: 'Table' },
    ]);
  });

  it("repeats an entity's error at every position that asked for it, and keeps other errors", () => {
    const answer = spreadEntities(
      {
        data: { _entities: [null, { name: 'Couch' }] },
        errors: [{ message: 'gone', path: ['_entities', 0, 'name'] }, { message: 'slow' }],
      },
      unique,
    );
    expect(answer.errors).toEqual([
      { message: 'gone', path: ['_entities', 0, 'name'] },
      { message: 'gone', path: ['_entities', 2, 'name'] },
      { message: 'gone', path: ['_entities', 3, 'name'] },
      { message: 'slow' },
    ]);
  });

  it('leaves an answer of the wrong length for the gateway to refuse', () => {
    expect(spreadEntities({ data: { _entities: [{ name: 'Table' }] } }, unique).data._entities).toEqual([
      { name: 'Table' },
    ]);
  });
});
