import { deliveredOf, entryFieldsOf, firstIdFrom, idAfter, streamKeysOf } from './redis-stream-messages';

describe('streamKeysOf', () => {
  it('keeps a topic’s streams, members and leases under its hash tag', () => {
    const keys = streamKeysOf('pulse:events:');
    expect(keys.stream('training.workout.v1', 3)).toBe('pulse:events:{training.workout.v1}:3');
    expect(keys.members('training.workout.v1', 'insights')).toBe(
      'pulse:events:{training.workout.v1}:group:insights:members',
    );
    expect(keys.lease('training.workout.v1', 'insights', 3)).toBe(
      'pulse:events:{training.workout.v1}:group:insights:lease:3',
    );
  });
});

describe('entryFieldsOf and deliveredOf', () => {
  const message = {
    topic: 'training.workout.v1',
    key: 'workout-1',
    value: '{"type":"workout.finished"}',
    headers: { 'x-event-type': 'workout.finished' },
  };

  it('round-trip a message through a stream entry', () => {
    const publishedAt = new Date('2026-01-02T03:04:05.678Z');
    const fields = entryFieldsOf(message, publishedAt);
    expect(deliveredOf('training.workout.v1', 2, ['1767323045679-0', fields], 1)).toEqual({
      ...message,
      partition: 2,
      offset: '1767323045679-0',
      timestamp: publishedAt,
      attempt: 1,
    });
  });

  it('reads an entry written by someone else: no headers, no timestamp (then the id’s), odd headers', () => {
    expect(deliveredOf('t', 0, ['1767323045679-3', ['key', 'k', 'value', 'v']], 2)).toEqual({
      topic: 't',
      key: 'k',
      value: 'v',
      headers: {},
      partition: 0,
      offset: '1767323045679-3',
      timestamp: new Date(1767323045679),
      attempt: 2,
    });
    const odd = ['key', 'k', 'value', 'v', 'headers', '{"a":"1","b":2}', 'timestamp', '0'];
    expect(deliveredOf('t', 0, ['1-0', odd], 1).headers).toEqual({ a: '1' });
    expect(deliveredOf('t', 0, ['1-0', ['headers', 'not json']], 1).headers).toEqual({});
  });
});

describe('replay ids', () => {
  it('starts at the first id of the millisecond asked for, or at the beginning', () => {
    expect(firstIdFrom(new Date(1767323045679))).toBe('1767323045679-0');
    expect(firstIdFrom(null)).toBe('-');
  });

  it('goes on after an entry, excluding it', () => {
    expect(idAfter('1767323045679-4')).toBe('(1767323045679-4');
  });
});
