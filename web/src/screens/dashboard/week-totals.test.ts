import { describe, expect, it } from 'vitest';
import { weekNeedsMore, weekStartIn, weekTotalsBySport } from './week-totals';

const run = (startedAt: string, distanceMeters: number, movingSeconds: number, status = 'FINISHED') => ({
  sport: 'RUN' as const,
  status,
  startedAt,
  distanceMeters,
  movingSeconds,
});

describe('this week’s totals', () => {
  it('starts the week on Monday in the athlete’s zone, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday in Tokyo, still Sunday in New York.
    const now = new Date('2026-03-01T23:30:00Z');
    expect(weekStartIn('Asia/Tokyo', now)).toBe('2026-03-02');
    expect(weekStartIn('America/New_York', now)).toBe('2026-02-23');
    expect(weekStartIn('UTC', now)).toBe('2026-02-23');
  });

  it('sums finished workouts of the week per sport, the busiest sport first', () => {
    const ride = { ...run('2026-03-03T07:00:00Z', 40_000, 5_400), sport: 'RIDE' as const };
    const totals = weekTotalsBySport(
      [
        run('2026-03-04T06:00:00Z', 10_000, 3_000),
        ride,
        run('2026-03-02T06:00:00Z', 5_000, 1_500),
        run('2026-03-04T08:00:00Z', 3_000, 900, 'IN_PROGRESS'),
        // Sunday evening in Berlin: last week, though Monday in Tokyo.
        run('2026-03-01T22:30:00Z', 8_000, 2_400),
      ],
      '2026-03-02',
      'Europe/Berlin',
    );
    expect(totals).toEqual([
      { sport: 'RIDE', workouts: 1, distanceMeters: 40_000, movingSeconds: 5_400 },
      { sport: 'RUN', workouts: 2, distanceMeters: 15_000, movingSeconds: 4_500 },
    ]);
  });

  it('counts a workout at 00:30 on Monday in the zone in the new week', () => {
    const mondayInTokyo = run('2026-03-01T15:30:00Z', 4_000, 1_200);
    expect(weekTotalsBySport([mondayInTokyo], '2026-03-02', 'Asia/Tokyo')).toHaveLength(1);
    expect(weekTotalsBySport([mondayInTokyo], '2026-03-02', 'UTC')).toHaveLength(0);
  });

  it('asks for another page only while the page ends inside the week', () => {
    const page = [run('2026-03-04T06:00:00Z', 1, 1), run('2026-03-02T06:00:00Z', 1, 1)];
    expect(weekNeedsMore(page, true, '2026-03-02', 'UTC')).toBe(true);
    expect(weekNeedsMore(page, false, '2026-03-02', 'UTC')).toBe(false);
    expect(weekNeedsMore([...page, run('2026-03-01T06:00:00Z', 1, 1)], true, '2026-03-02', 'UTC')).toBe(
      false,
    );
    expect(weekNeedsMore([], true, '2026-03-02', 'UTC')).toBe(false);
  });
});
