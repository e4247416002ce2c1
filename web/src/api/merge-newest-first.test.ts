import { describe, expect, it } from 'vitest';
import { mergeNewestFirst } from './merge-newest-first';

const edge = (id: string, at: string) => ({ node: { id, at } });
const merge = (current: ReturnType<typeof edge>[], incoming: ReturnType<typeof edge>[]) =>
  mergeNewestFirst(current, incoming, (node) => node.at).map((e) => e.node.id);

describe('merging live items and pages newest first', () => {
  const page = [edge('c', '2026-12-04T10:00:00Z'), edge('b', '2026-12-04T09:00:00Z')];

  it('puts a new live item at the top and an older one in its place', () => {
    expect(merge(page, [edge('d', '2026-12-04T11:00:00Z')])).toEqual(['d', 'c', 'b']);
    expect(merge(page, [edge('x', '2026-12-04T09:30:00Z')])).toEqual(['c', 'x', 'b']);
  });

  it('never shows an item twice, whether it came live and then with a page or twice live', () => {
    const live = [edge('d', '2026-12-04T11:00:00Z')];
    const withLive = mergeNewestFirst(page, live, (node) => node.at);
    expect(merge(withLive, [edge('d', '2026-12-04T11:00:00Z'), edge('a', '2026-12-04T08:00:00Z')])).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(merge(withLive, live)).toEqual(['d', 'c', 'b']);
  });

  it('takes the incoming version of an item, which moves when its time changes (a group joined)', () => {
    const merged = mergeNewestFirst(page, [{ node: { id: 'b', at: '2026-12-04T12:00:00Z' } }], (n) => n.at);
    expect(merged.map((e) => e.node)).toEqual([
      { id: 'b', at: '2026-12-04T12:00:00Z' },
      { id: 'c', at: '2026-12-04T10:00:00Z' },
    ]);
  });

  it('orders items of the same time by id, as the server’s cursors do', () => {
    expect(merge([edge('a', '2026-12-04T10:00:00Z')], [edge('b', '2026-12-04T10:00:00Z')])).toEqual([
      'b',
      'a',
    ]);
  });
});
