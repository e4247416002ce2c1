import { formatClockTime, nextWallClock, parseClockTime, quietUntil } from './quiet-hours';

const night = { startMinute: 22 * 60, endMinute: 7 * 60 };
const at = (iso: string, zone = 'Europe/Berlin', window = night) =>
  quietUntil(new Date(iso), window, zone)?.toISOString() ?? null;

describe('quiet hours', () => {
  it('parse and format HH:MM', () => {
    expect(parseClockTime('22:00')).toBe(1320);
    expect(parseClockTime('07:05')).toBe(425);
    for (const bad of ['24:00', '7:00', '07:60', 'x', '', '07:00 ']) expect(parseClockTime(bad)).toBeNull();
    expect(formatClockTime(425)).toBe('07:05');
  });

  it('a window across midnight holds from its start to its end the next morning, in the zone of the account', () => {
    // Berlin in winter is UTC+1: 22:00 local = 21:00Z, 07:00 local = 06:00Z.
    expect(at('2026-12-01T20:59:00Z')).toBeNull();
    expect(at('2026-12-01T21:00:00Z')).toBe('2026-12-02T06:00:00.000Z');
    expect(at('2026-12-01T23:30:00Z')).toBe('2026-12-02T06:00:00.000Z');
    expect(at('2026-12-02T05:59:00Z')).toBe('2026-12-02T06:00:00.000Z');
    expect(at('2026-12-02T06:00:00Z')).toBeNull();
    expect(at('2026-12-01T21:00:00Z', 'America/New_York')).toBeNull();
  });

  it('a window within one day', () => {
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(at('2026-12-01T11:30:00Z', 'UTC', lunch)).toBeNull();
    expect(at('2026-12-01T12:30:00Z', 'UTC', lunch)).toBe('2026-12-01T13:00:00.000Z');
    expect(at('2026-12-01T13:00:00Z', 'UTC', lunch)).toBeNull();
  });

  it('follows the wall clock across daylight-saving changes', () => {
    // 29 March 2026: Berlin moves from UTC+1 to UTC+2 at 01:00Z; 07:00 local is then 05:00Z.
    expect(at('2026-03-28T23:30:00Z')).toBe('2026-03-29T05:00:00.000Z');
    // 25 October 2026: back to UTC+1 at 01:00Z; 07:00 local is 06:00Z.
    expect(at('2026-10-24T21:00:00Z')).toBe('2026-10-25T06:00:00.000Z');
    expect(at('2026-10-25T05:59:00Z')).toBe('2026-10-25T06:00:00.000Z');
    // An end the night skips (02:30 on 8 March 2026 in New York) is read with the earlier offset: 03:30 EDT.
    expect(at('2026-03-08T06:30:00Z', 'America/New_York', { startMinute: 60, endMinute: 150 })).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('nextWallClock: the next 08:00 of the zone', () => {
    expect(nextWallClock(new Date('2026-12-01T06:00:00Z'), 480, 'Europe/Berlin').toISOString()).toBe(
      '2026-12-01T07:00:00.000Z',
    );
    expect(nextWallClock(new Date('2026-12-01T07:00:00Z'), 480, 'Europe/Berlin').toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
  });
});
