import { dlqMessageOf, partitionOf, succeeds } from './bus-helpers';
import { DLQ_HEADERS } from './event-bus';

describe('partitionOf', () => {
  it('sends one key to one partition, always', () => {
    expect(partitionOf('workout-1', 6)).toBe(partitionOf('workout-1', 6));
    expect(partitionOf('', 6)).toBe(partitionOf('', 6));
  });

  it('keeps to the partitions there are and spreads keys over all of them', () => {
    const used = new Set(Array.from({ length: 24 }, (_, i) => partitionOf(`key-${i}`, 6)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(partitionOf('anything', 1)).toBe(0);
  });

  it('hashes with FNV-1a, so that a log kept by an earlier version finds its keys where they were', () => {
    // FNV-1a of "a" is 0xe40c292c.
    expect(partitionOf('a', 1_000_000)).toBe(0xe40c292c % 1_000_000);
  });
});

describe('dlqMessageOf', () => {
  const failedAt = new Date('2026-01-02T03:04:05.678Z');

  it('parks the original key, value and headers on <topic>.dlq with why, where and when it failed', () => {
    const message = {
      topic: 'pulse.training.v1',
      key: 'workout-1',
      value: '{"type":"workout.finished"}',
      headers: { 'x-event-type': 'workout.finished' },
    };
    expect(
      dlqMessageOf(message, {
        error: new Error('cannot parse this event'),
        group: 'g',
        attempts: 5,
        failedAt,
      }),
    ).toEqual({
      topic: 'pulse.training.v1.dlq',
      key: 'workout-1',
      value: '{"type":"workout.finished"}',
      headers: {
        'x-event-type': 'workout.finished',
        [DLQ_HEADERS.error]: 'cannot parse this event',
        [DLQ_HEADERS.originalTopic]: 'pulse.training.v1',
        [DLQ_HEADERS.attempts]: '5',
        [DLQ_HEADERS.failedAt]: '2026-01-02T03:04:05.678Z',
        [DLQ_HEADERS.group]: 'g',
      },
    });
  });

  it('records a thrown non-Error as text', () => {
    const message = { topic: 't', key: 'k', value: 'v', headers: {} };
    const parked = dlqMessageOf(message, { error: 'timeout', group: 'g', attempts: 3, failedAt });
    expect(parked.headers[DLQ_HEADERS.error]).toBe('timeout');
  });
});

describe('succeeds', () => {
  it('tells whether a promise fulfilled, handing a rejection to onError', async () => {
    const onError = jest.fn();
    await expect(succeeds(Promise.resolve('value'), onError)).resolves.toBe(true);
    await expect(succeeds(Promise.reject(new Error('broker down')), onError)).resolves.toBe(false);
    expect(onError).toHaveBeenCalledWith(new Error('broker down'));
  });
});
