import { logLevel, type KafkaMessage } from 'kafkajs';
import type { Logger } from '../logging/logger';
import {
  decodeHeaders,
  deliveredOf,
  lazilyConnected,
  logCreatorFor,
  nextOffsetOf,
  pinoLevelOf,
  replayRangesOf,
  topicMessagesOf,
} from './kafka-messages';

const fetched = (overrides: Partial<KafkaMessage> = {}): KafkaMessage =>
  ({
    key: Buffer.from('workout-1'),
    value: Buffer.from('{"type":"workout.finished"}'),
    timestamp: '1767225600000',
    attributes: 0,
    offset: '41',
    headers: { 'x-event-type': Buffer.from('workout.finished') },
    ...overrides,
  }) as KafkaMessage;

describe('decodeHeaders', () => {
  it('decodes buffers and strings, keeps the last of repeated values and skips undefined ones', () => {
    expect(
      decodeHeaders({
        'x-buffer': Buffer.from('ünïcode'),
        'x-string': 'plain',
        'x-repeated': [Buffer.from('first'), 'last'],
        'x-missing': undefined,
      }),
    ).toEqual({ 'x-buffer': 'ünïcode', 'x-string': 'plain', 'x-repeated': 'last' });
  });

  it('gives no headers for a message without any (old message format)', () => {
    expect(decodeHeaders(undefined)).toEqual({});
  });
});

describe('deliveredOf', () => {
  it('turns a fetched message into the port’s delivered message', () => {
    expect(deliveredOf('pulse.training.v1', 3, fetched(), 2)).toEqual({
      topic: 'pulse.training.v1',
      key: 'workout-1',
      value: '{"type":"workout.finished"}',
      headers: { 'x-event-type': 'workout.finished' },
      partition: 3,
      offset: '41',
      timestamp: new Date('2026-01-01T00:00:00.000Z'),
      attempt: 2,
    });
  });

  it('reads a null key or value (tombstone) as empty', () => {
    expect(deliveredOf('t', 0, fetched({ key: null, value: null }), 1)).toMatchObject({ key: '', value: '' });
  });
});

describe('nextOffsetOf', () => {
  it('commits the offset after the one handled, beyond the safe integers too', () => {
    expect(nextOffsetOf('0')).toBe('1');
    expect(nextOffsetOf('41')).toBe('42');
    expect(nextOffsetOf('9007199254740993')).toBe('9007199254740994');
  });
});

describe('topicMessagesOf', () => {
  it('groups messages by topic for one batch, keeping their order within each topic', () => {
    const batch = topicMessagesOf([
      { topic: 'a', key: 'k1', value: '1', headers: { h: 'x' } },
      { topic: 'b', key: 'k2', value: '2', headers: {} },
      { topic: 'a', key: 'k1', value: '3', headers: {} },
    ]);
    expect(batch).toEqual([
      {
        topic: 'a',
        messages: [
          { key: 'k1', value: '1', headers: { h: 'x' } },
          { key: 'k1', value: '3', headers: {} },
        ],
      },
      { topic: 'b', messages: [{ key: 'k2', value: '2', headers: {} }] },
    ]);
  });

  it('sends nothing for no messages', () => {
    expect(topicMessagesOf([])).toEqual([]);
  });
});

describe('replayRangesOf', () => {
  const watermarks = [
    { partition: 0, low: '0', high: '10' },
    { partition: 1, low: '0', high: '0' }, // never written to
    { partition: 2, low: '7', high: '7' }, // everything it held was deleted
    { partition: 3, low: '5', high: '20' },
  ];

  it('reads every partition from its first retained offset when there is no start time', () => {
    expect(replayRangesOf('t', watermarks, null)).toEqual([
      { topic: 't', partition: 0, next: 0n, end: 10n },
      { topic: 't', partition: 3, next: 5n, end: 20n },
    ]);
  });

  it('reads from the offsets found for the start time, skipping partitions with nothing at or after it', () => {
    const starts = [
      { partition: 0, offset: '-1' }, // nothing at or after the time
      { partition: 1, offset: '0' },
      { partition: 2, offset: '7' },
      { partition: 3, offset: '12' },
    ];
    expect(replayRangesOf('t', watermarks, starts)).toEqual([
      { topic: 't', partition: 3, next: 12n, end: 20n },
    ]);
  });

  it('reads nothing of a partition whose start is its high watermark or that the lookup did not return', () => {
    const starts = [{ partition: 0, offset: '10' }];
    expect(replayRangesOf('t', watermarks, starts)).toEqual([]);
  });
});

describe('kafkajs logging', () => {
  it('writes kafkajs’s levels at pino’s, its chatty INFO lines as debug', () => {
    expect(pinoLevelOf(logLevel.ERROR)).toBe('error');
    expect(pinoLevelOf(logLevel.WARN)).toBe('warn');
    expect(pinoLevelOf(logLevel.INFO)).toBe('debug');
    expect(pinoLevelOf(logLevel.DEBUG)).toBe('trace');
  });

  it('routes an entry to the pino logger with its fields and namespace', () => {
    const warn = jest.fn();
    const log = logCreatorFor({ warn } as unknown as Logger)(logLevel.INFO);
    log({
      namespace: 'Consumer',
      level: logLevel.WARN,
      label: 'WARN',
      log: { timestamp: '2026-01-01T00:00:00.000Z', logger: 'kafkajs', message: 'rebalancing', groupId: 'g' },
    });
    expect(warn).toHaveBeenCalledWith({ groupId: 'g', kafkajs: 'Consumer' }, 'rebalancing');
  });

  it('drops entries when the bus has no logger', () => {
    const log = logCreatorFor(undefined)(logLevel.INFO);
    expect(() =>
      log({
        namespace: 'Producer',
        level: logLevel.ERROR,
        label: 'ERROR',
        log: { timestamp: '', message: 'x' },
      }),
    ).not.toThrow();
  });
});

describe('lazilyConnected', () => {
  const fakeClient = (connect: () => Promise<void> = async () => undefined) => ({
    connect: jest.fn(connect),
    disconnect: jest.fn(async () => undefined),
  });

  it('connects one client on first use and hands out that connection', async () => {
    const client = fakeClient();
    const create = jest.fn(() => client);
    const connection = lazilyConnected(create);
    expect(create).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([connection.get(), connection.get()]);
    expect(first).toBe(client);
    expect(second).toBe(client);
    expect(await connection.get()).toBe(client);
    expect(create).toHaveBeenCalledTimes(1);
    expect(client.connect).toHaveBeenCalledTimes(1);
  });

  it('tries a new client after a failed connection', async () => {
    const failing = fakeClient(async () => {
      throw new Error('connection refused');
    });
    const working = fakeClient();
    const connection = lazilyConnected(jest.fn().mockReturnValueOnce(failing).mockReturnValueOnce(working));
    await expect(connection.get()).rejects.toThrow('connection refused');
    await expect(connection.get()).resolves.toBe(working);
  });

  it('disconnects the client it connected, and connects anew when used again', async () => {
    const clients = [fakeClient(), fakeClient()];
    const connection = lazilyConnected(
      jest.fn().mockReturnValueOnce(clients[0]).mockReturnValueOnce(clients[1]),
    );
    await connection.disconnect(); // never connected: nothing to do
    await connection.get();
    await connection.disconnect();
    expect(clients[0]!.disconnect).toHaveBeenCalledTimes(1);
    await expect(connection.get()).resolves.toBe(clients[1]);
  });
});
