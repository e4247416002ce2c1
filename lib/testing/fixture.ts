/**
 * Opens a resource for the tests of a describe block and closes it after them (`scope: 'each'`: a fresh
 * one for every test). Returns a function that gives the open resource inside tests.
 */
export function useFixture<T extends { close(): Promise<void> }>(
  open: () => Promise<T>,
  scope: 'all' | 'each' = 'all',
): () => T {
  let current: T | undefined;
  const [setUp, tearDown] = scope === 'all' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  setUp(async () => {
    current = await open();
  });
  tearDown(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('The fixture is used outside the tests of its describe block.');
    return current;
  };
}
