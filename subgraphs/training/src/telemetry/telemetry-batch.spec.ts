import { columnsOfNdjson, samplesOf } from './telemetry-batch';

const T0 = Date.UTC(2026, 10, 20, 7, 0, 0);
// When the batches arrive: sample times must not lie more than a day ahead of it.
const RECEIVED_AT = new Date(T0 + 3_600_000);

describe('samplesOf', () => {
  it('turns columns into rows, gaps as null and absent channels as null', () => {
    const rows = samplesOf(
      {
        batchId: 'b1',
        sequence: [7, 8],
        time: [T0, '2026-11-20T07:00:01Z'],
        latitude: [45.1, null],
        heartRate: [140, 142],
      },
      RECEIVED_AT,
    );
    expect(rows).toEqual([
      {
        sequence: 7,
        recordedAt: new Date(T0),
        latitude: 45.1,
        longitude: null,
        altitude: null,
        heartRate: 140,
        cadence: null,
        power: null,
        speed: null,
        temperature: null,
      },
      {
        sequence: 8,
        recordedAt: new Date(T0 + 1000),
        latitude: null,
        longitude: null,
        altitude: null,
        heartRate: 142,
        cadence: null,
        power: null,
        speed: null,
        temperature: null,
      },
    ]);
  });

  it('keeps implausible values: validation flags them later, it never drops data', () => {
    expect(
      samplesOf(
        { batchId: 'b', sequence: [1], time: [T0], heartRate: [400], latitude: [123] },
        RECEIVED_AT,
      )[0],
    ).toMatchObject({ heartRate: 400, latitude: 123 });
  });

  it.each([
    ['time[1]', { time: [T0, 'yesterday'] }],
    ['sequence[1]', { sequence: [1, 1] }],
    ['heartRate[1]', { heartRate: [120, Number.NaN] }],
    // The shared workout time window: from 1970 to a day after the batch arrived.
    ['time[1] lies before 1970', { time: [T0, -1] }],
    ['time[1] lies before 1970', { time: [T0, '0001-01-01T00:00:00Z'] }],
    ['time[1] lies more than a day in the future', { time: [T0, RECEIVED_AT.getTime() + 86_400_001] }],
  ])('names the offending sample: %s', (where, overrides) => {
    const batch = { batchId: 'b', sequence: [1, 2], time: [T0, T0 + 1000], ...overrides };
    expect(() => samplesOf(batch, RECEIVED_AT)).toThrow(where);
  });

  it.each([
    ['time', { time: [T0] }],
    ['heartRate', { heartRate: [1] }],
    ['sequence', { sequence: [1, 1] }],
    ['sequence', { sequence: [-1, 2] }],
    ['time', { time: [T0, 'yesterday'] }],
    ['batchId', { batchId: '' }],
    // From the HTTP route's URL, where GraphQL's input rules do not reach.
    ['batchId', { batchId: 'b\u0000' }],
  ])('refuses a batch with a bad %s, naming it', (field, overrides) => {
    const batch = { batchId: 'b', sequence: [1, 2], time: [T0, T0 + 1000], ...overrides };
    expect(() => samplesOf(batch, RECEIVED_AT)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });
});

describe('columnsOfNdjson', () => {
  it('reads one sample per line with short keys', () => {
    const ndjson = `{"seq":0,"t":${T0},"lat":45.1,"lon":13.6,"hr":120}\n\n{"seq":1,"t":"2026-11-20T07:00:01Z","alt":210.5}\n`;
    expect(
      samplesOf(columnsOfNdjson('b', ndjson), RECEIVED_AT).map((r) => [
        r.sequence,
        r.latitude,
        r.altitude,
        r.heartRate,
      ]),
    ).toEqual([
      [0, 45.1, null, 120],
      [1, null, 210.5, null],
    ]);
  });

  it('names the line that is not JSON', () => {
    expect(() => columnsOfNdjson('b', '{"seq":0}\n{oops')).toThrow(/Line 2/);
  });
});
