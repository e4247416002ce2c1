import { encodeCursor, pageArgs, toConnection } from './relay';

const parseNumberKey = (raw: unknown) => (typeof raw === 'number' ? raw : null);

describe('pageArgs', () => {
  it('defaults to 20 rows from the start', () => {
    expect(pageArgs(undefined, undefined, parseNumberKey)).toEqual({ limit: 20, after: null });
  });

  it('decodes a cursor it produced', () => {
    expect(pageArgs(5, encodeCursor(42), parseNumberKey)).toEqual({ limit: 5, after: 42 });
  });

  it.each([-1, 101, 2.5])('refuses first = %p naming the argument', (first) => {
    expect(() => pageArgs(first, null, parseNumberKey)).toThrow(
      expect.objectContaining({ details: { field: 'first' } }),
    );
  });

  it.each(['%%%', encodeCursor('text'), Buffer.from('{').toString('base64url')])(
    'refuses the cursor %p',
    (after) => {
      expect(() => pageArgs(5, after, parseNumberKey)).toThrow(
        expect.objectContaining({ details: { field: 'after' } }),
      );
    },
  );
});

describe('toConnection', () => {
  it('uses the extra row only to tell that a next page exists', () => {
    const connection = toConnection([1, 2, 3], { limit: 2, after: null }, (n) => n);
    expect(connection.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(1),
      endCursor: encodeCursor(2),
    });
  });

  it('reports an empty last page', () => {
    expect(toConnection([], { limit: 2, after: 9 }, (n) => n).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
