// Study statistics from the watched marks' times: lectures per local day, streaks, the last
// days as bars and a 12-month calendar. Pure (no DOM, no Svelte), so it is tested in Node
// from a seeded history (tests/unit/renderer/stats.test.ts).
import { localDay } from '../../../../electron/shared/dates';
import type { WatchHistory } from '../../../../electron/shared/contract';

/** Lectures marked watched per local day (`2026-12-02` → 3). Unknown times (0 or null) are left out. */
export function perDay(times: readonly (number | null | undefined)[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const at of times) {
    if (!at || at <= 0) continue;
    const d = localDay(at);
    days.set(d, (days.get(d) ?? 0) + 1);
  }
  return days;
}

/** The local day `n` days before `ms` (negative: after). Steps from noon, so DST shifts cannot skip a day. */
export function dayBefore(ms: number, n: number): string {
  const d = new Date(ms);
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - n);
  return localDay(d.getTime());
}

export interface Streaks {
  /** Days in a row with a lecture, up to today, or up to yesterday while today has none yet. */
  current: number;
  longest: number;
}

export function streaks(days: ReadonlyMap<string, number>, now: number): Streaks {
  let current = 0;
  for (let i = days.has(dayBefore(now, 0)) ? 0 : 1; days.has(dayBefore(now, i)); i++) current++;

  let longest = 0;
  for (const day of days.keys()) {
    // Count only from the first day of each run.
    const d = new Date(`${day}T12:00:00`);
    d.setDate(d.getDate() - 1);
    if (days.has(localDay(d.getTime()))) continue;
    let run = 0;
    const cur = new Date(`${day}T12:00:00`);
    while (days.has(localDay(cur.getTime()))) {
      run++;
      cur.setDate(cur.getDate() + 1);
    }
    longest = Math.max(longest, run);
  }
  return { current, longest };
}

export interface DayCount {
  day: string;
  count: number;
}

/** The last `n` days, oldest first, ending today. */
export function lastDays(days: ReadonlyMap<string, number>, now: number, n: number): DayCount[] {
  return Array.from({ length: n }, (_, i) => {
    const day = dayBefore(now, n - 1 - i);
    return { day, count: days.get(day) ?? 0 };
  });
}

export interface HeatCell extends DayCount {
  /** 0 (none) to 4 (five or more lectures). */
  level: 0 | 1 | 2 | 3 | 4;
  /** 0 = Sunday … 6 = Saturday: the cell's row. */
  weekday: number;
}

const level = (count: number): HeatCell['level'] => (count <= 0 ? 0 : count === 1 ? 1 : count === 2 ? 2 : count < 5 ? 3 : 4);

/**
 * A year of days as week columns (Sunday first), the last column ending today: about 53
 * columns of up to 7 cells. The first column starts on the Sunday on or before a year ago.
 */
export function heatmap(days: ReadonlyMap<string, number>, now: number): HeatCell[][] {
  const today = new Date(now);
  today.setHours(12, 0, 0, 0);
  const start = new Date(today);
  start.setFullYear(start.getFullYear() - 1);
  start.setDate(start.getDate() + 1);
  start.setDate(start.getDate() - start.getDay());
  const weeks: HeatCell[][] = [];
  for (const d = new Date(start); d.getTime() <= today.getTime(); d.setDate(d.getDate() + 1)) {
    if (d.getDay() === 0 || weeks.length === 0) weeks.push([]);
    const day = localDay(d.getTime());
    const count = days.get(day) ?? 0;
    weeks.at(-1)!.push({ day, count, level: level(count), weekday: d.getDay() });
  }
  return weeks;
}

export interface CourseCompletion {
  id: string;
  title: string;
  watched: number;
  total: number;
}

/** Courses that have lectures, in the order given, with their share watched. */
export function completion(courses: readonly CourseCompletion[]): (CourseCompletion & { share: number })[] {
  return courses.filter((c) => c.total > 0).map((c) => ({ ...c, share: c.watched / c.total }));
}

/**
 * Whole minutes of video played in the app's player per local day (`2026-12-02` → 42), from
 * getWatchHistory's seconds per day and lecture. Seconds are summed over a day's lectures before
 * rounding, so ten 20-second looks at ten lectures count as 3 minutes, not 0. Values that are not
 * finite and positive (a damaged file) are left out; days that round to 0 minutes are kept as 0.
 */
export function minutesPerDay(history: WatchHistory): Map<string, number> {
  const days = new Map<string, number>();
  for (const [day, lectures] of Object.entries(history)) {
    let seconds = 0;
    for (const s of Object.values(lectures)) if (Number.isFinite(s) && s > 0) seconds += s;
    if (seconds > 0) days.set(day, Math.round(seconds / 60));
  }
  return days;
}
