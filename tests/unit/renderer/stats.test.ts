// Statistics from a seeded watched history: per-day counts, streaks, the last days and the
// year calendar. Times are built in local time, as the app groups marks by the local day.
import { describe, expect, it } from 'vitest';
import { completion, dayBefore, heatmap, lastDays, minutesPerDay, perDay, streaks } from '../../../renderer/src/lib/stats/stats';

const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h, 30).getTime();
const NOW = at(2026, 12, 2, 21);

// Three lectures today, one yesterday, two the day before: a three-day run up to today.
// A five-day run in October, a lone day in March, and marks of unknown time (v1 data).
const HISTORY = [
  at(2026, 12, 2, 8),
  at(2026, 12, 2, 13),
  at(2026, 12, 2, 20),
  at(2026, 12, 1),
  at(2026, 11, 30),
  at(2026, 11, 30, 23),
  at(2026, 10, 10),
  at(2026, 10, 11),
  at(2026, 10, 12),
  at(2026, 10, 13),
  at(2026, 10, 14),
  at(2026, 10, 14, 22),
  at(2026, 3, 5),
  0,
  null,
];

describe('study statistics', () => {
  const days = perDay(HISTORY);

  it('counts lectures per local day and leaves out marks of unknown time', () => {
    expect(days.get('2026-12-02')).toBe(3);
    expect(days.get('2026-11-30')).toBe(2);
    expect(days.get('2026-10-14')).toBe(2);
    expect([...days.values()].reduce((a, b) => a + b, 0)).toBe(13);
    expect(days.size).toBe(9);
  });

  it('finds the current and the longest streak', () => {
    expect(streaks(days, NOW)).toEqual({ current: 3, longest: 5 });
  });

  it('keeps the current streak alive through a today with nothing yet, and ends it after a gap', () => {
    const tomorrow = at(2026, 12, 3, 9);
    expect(streaks(days, tomorrow).current).toBe(3);
    expect(streaks(days, at(2026, 12, 4, 9)).current).toBe(0);
    expect(streaks(new Map(), NOW)).toEqual({ current: 0, longest: 0 });
  });

  it('lists the last days oldest first, ending today', () => {
    const last = lastDays(days, NOW, 7);
    expect(last.map((d) => d.day)).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(last.map((d) => d.count)).toEqual([0, 0, 0, 0, 2, 1, 3]);
  });

  it('lays a year out in Sunday-first week columns ending today, with levels by count', () => {
    const weeks = heatmap(days, NOW);
    expect(weeks.length).toBeGreaterThanOrEqual(53);
    expect(weeks.length).toBeLessThanOrEqual(54);
    const cells = weeks.flat();
    expect(cells.at(-1)?.day).toBe('2026-12-02');
    expect(weeks[0]?.[0]?.weekday).toBe(0);
    expect(weeks.slice(1, -1).every((w) => w.length === 7)).toBe(true);
    // Every day in the span appears once, in order.
    expect(new Set(cells.map((c) => c.day)).size).toBe(cells.length);
    expect(cells[0]!.day <= '2025-12-03').toBe(true);
    const byDay = new Map(cells.map((c) => [c.day, c]));
    expect(byDay.get('2026-12-02')).toMatchObject({ count: 3, level: 3 });
    expect(byDay.get('2026-12-01')).toMatchObject({ count: 1, level: 1 });
    expect(byDay.get('2026-03-05')).toMatchObject({ count: 1, level: 1 });
    expect(byDay.get('2026-07-01')).toMatchObject({ count: 0, level: 0 });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(13);
  });

  it('steps days across a daylight-saving change without skipping one', () => {
    const days30 = Array.from({ length: 400 }, (_, i) => dayBefore(NOW, i));
    expect(new Set(days30).size).toBe(400);
  });

  it('gives each course with lectures its share watched', () => {
    const c = completion([
      { id: 'a', title: 'A', watched: 3, total: 4 },
      { id: 'b', title: 'B', watched: 0, total: 0 },
      { id: 'c', title: 'C', watched: 2, total: 2 },
    ]);
    expect(c.map((x) => [x.id, x.share])).toEqual([
      ['a', 0.75],
      ['c', 1],
    ]);
  });
});

describe('minutes watched per day, from the player history', () => {
  // Seconds per local day and lecture, as getWatchHistory returns them.
  const history = {
    '2026-12-02': { CB0a3aBwND8: 1500, utQ5jPOvrOY: 330 },
    '2026-12-01': { CB0a3aBwND8: 20, utQ5jPOvrOY: 20, xoqxcDmMBkw: 20 },
    '2026-11-30': { CB0a3aBwND8: 29 },
    '2026-11-29': { CB0a3aBwND8: Number.NaN, utQ5jPOvrOY: -60, xoqxcDmMBkw: 0 },
  };
  const minutes = minutesPerDay(history);

  it("sums a day's lectures before rounding to whole minutes", () => {
    expect(minutes.get('2026-12-02')).toBe(31); // 1830 s = 30.5 min
    expect(minutes.get('2026-12-01')).toBe(1); // three 20-second looks
    expect(minutes.get('2026-11-30')).toBe(0); // played, but under half a minute
  });

  it('leaves out days with nothing valid played', () => {
    expect(minutes.has('2026-11-29')).toBe(false);
    expect(minutesPerDay({}).size).toBe(0);
  });

  it('feeds the 30-day bars like the lecture counts do', () => {
    const bars = lastDays(minutes, NOW, 30);
    expect(bars).toHaveLength(30);
    expect(bars.at(-1)).toEqual({ day: '2026-12-02', count: 31 });
    expect(bars.at(-2)).toEqual({ day: '2026-12-01', count: 1 });
    expect(bars.reduce((a, b) => a + b.count, 0)).toBe(32);
  });
});
