import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../format/dates';
import { belongsTo, groupText } from './notification-text';

const NOW = Date.parse('2026-12-04T12:00:00Z');

describe('an inbox item’s time', () => {
  it('reads relative to now for the last day', () => {
    expect(relativeTime('2026-12-04T11:59:30Z', 'UTC', NOW)).toBe('just now');
    expect(relativeTime('2026-12-04T11:55:00Z', 'UTC', NOW)).toBe('5 min ago');
    expect(relativeTime('2026-12-04T09:00:01Z', 'UTC', NOW)).toBe('2 h ago');
    // A clock a little ahead of the server's never says "-1 min ago".
    expect(relativeTime('2026-12-04T12:00:05Z', 'UTC', NOW)).toBe('just now');
  });

  it('shows an older one as a date and time in the athlete’s zone', () => {
    const earlier = '2026-12-01T23:30:00Z';
    expect(relativeTime(earlier, 'Asia/Tokyo', NOW)).toContain('2');
    expect(relativeTime(earlier, 'Asia/Tokyo', NOW)).not.toBe(relativeTime(earlier, 'America/New_York', NOW));
  });
});

describe('a grouped item', () => {
  const ann = { displayName: 'Ann' };
  const bob = { displayName: 'Bob' };

  it('names its newest actors and how many in all', () => {
    expect(groupText({ count: 25, actorCount: 25, actors: [ann, bob] })).toBe(
      'Ann, Bob and 23 others (25 in all)',
    );
    expect(groupText({ count: 3, actorCount: 3, actors: [ann, bob] })).toBe(
      'Ann, Bob and 1 other (3 in all)',
    );
    expect(groupText({ count: 2, actorCount: 2, actors: [ann, bob] })).toBe('Ann and Bob (2 in all)');
    expect(groupText({ count: 2, actorCount: 1, actors: [ann] })).toBe('Ann (2 in all)');
  });

  it('says nothing for a single notification', () => {
    expect(groupText({ count: 1, actorCount: 1, actors: [ann] })).toBeNull();
  });
});

describe('which list a live item joins', () => {
  it('follows the filter', () => {
    const unread = { read: false, archivedAt: null };
    const read = { read: true, archivedAt: null };
    const archived = { read: false, archivedAt: '2026-12-04T12:00:00Z' };
    expect([unread, read, archived].map((item) => belongsTo('INBOX', item))).toEqual([true, true, false]);
    expect([unread, read, archived].map((item) => belongsTo('UNREAD', item))).toEqual([true, false, false]);
    expect([unread, read, archived].map((item) => belongsTo('ARCHIVED', item))).toEqual([false, false, true]);
  });
});
