import { windowBounds, windowExpiry, windowOf } from './board-window';

const at = (iso: string) => Date.parse(iso);

describe('windowOf', () => {
  it('names UTC ISO weeks, with the ISO year at the turn of the year', () => {
    expect(windowOf('WEEK', at('2026-11-16T00:00:00Z'))).toBe('2026-W47');
    expect(windowOf('WEEK', at('2026-11-22T23:59:59.999Z'))).toBe('2026-W47');
    expect(windowOf('WEEK', at('2026-11-23T00:00:00Z'))).toBe('2026-W48');
    expect(windowOf('WEEK', at('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(windowOf('WEEK', at('2024-12-30T08:00:00Z'))).toBe('2025-W01');
  });

  it('names UTC calendar months, whatever the local time of the athlete', () => {
    // 23:30 on 31 October in New York is already November in UTC.
    expect(windowOf('MONTH', at('2026-10-31T23:30:00-04:00'))).toBe('2026-11');
    expect(windowOf('MONTH', at('2026-10-31T23:30:00Z'))).toBe('2026-10');
    expect(windowOf('ALL_TIME', at('2026-10-31T23:30:00Z'))).toBe('all');
  });

  it('refuses an instant that is not between 1970 and 9999', () => {
    expect(() => windowOf('WEEK', Number.NaN)).toThrow(RangeError);
    expect(() => windowOf('MONTH', -1)).toThrow(RangeError);
  });
});

describe('windowBounds', () => {
  it('gives the UTC start and end of a window and agrees with windowOf', () => {
    expect(windowBounds('WEEK', '2026-W47')).toEqual({
      start: at('2026-11-16T00:00:00Z'),
      end: at('2026-11-23T00:00:00Z'),
    });
    expect(windowBounds('MONTH', '2026-02')).toEqual({
      start: at('2026-02-01T00:00:00Z'),
      end: at('2026-03-01T00:00:00Z'),
    });
    for (let day = 0; day < 800; day += 3) {
      const ms = at('2025-12-01T10:00:00Z') + day * 86_400_000;
      for (const period of ['WEEK', 'MONTH'] as const) {
        const bounds = windowBounds(period, windowOf(period, ms))!;
        expect(ms >= bounds.start && ms < bounds.end).toBe(true);
      }
    }
  });

  it('knows which windows do not exist', () => {
    expect(windowBounds('WEEK', '2026-W53')).not.toBeNull();
    expect(windowBounds('WEEK', '2025-W53')).toBeNull();
    expect(windowBounds('WEEK', '2026-W00')).toBeNull();
    expect(windowBounds('MONTH', '2026-13')).toBeNull();
    expect(windowBounds('MONTH', '2026-W47')).toBeNull();
    expect(windowBounds('ALL_TIME', '2026')).toBeNull();
    expect(windowBounds('MONTH', '0050-01')).toBeNull();
  });
});

describe('windowExpiry', () => {
  it('keeps a window two periods after its end, and an all-time board forever', () => {
    expect(windowExpiry('WEEK', '2026-W47')).toBe(at('2026-12-07T00:00:00Z'));
    expect(windowExpiry('MONTH', '2026-11')).toBe(at('2027-02-01T00:00:00Z'));
    expect(windowExpiry('ALL_TIME', 'all')).toBeNull();
  });
});
