// What "every numbered series in one course, in number order" means, checked on any set of
// built courses: the catalog tests (fixture pages, the whole channel) share it.
import { expect } from 'vitest';
import { normaliseKey, parseTitle } from '../../../electron/main/catalog/titles';
import type { CatalogEntry, Course } from '../../../electron/shared/types';
import { nth } from './nth';

/**
 * Every video placed once; every numbered name (tag or prefix) in exactly one course,
 * its lectures in number order; every series' parts together and in part order
 * (`strictParts`: no part number twice in one series).
 */
export function expectOrdered(courses: Course[], entries: CatalogEntry[], { strictParts = false } = {}): void {
  const info = new Map(entries.map((e) => [e.videoId, parseTitle(e.title)]));
  const placed = courses.flatMap((c) => c.lectures);
  expect(new Set(placed).size).toBe(placed.length);
  expect([...placed].sort()).toEqual(entries.map((e) => e.videoId).sort());

  const homeOfKey = new Map<string, Set<string>>();
  for (const course of courses) {
    const numbered = course.lectures.map((v) => info.get(v)!).filter((t) => t.lecture !== null);
    for (let i = 1; i < numbered.length; i++) {
      const [a, b] = [nth(numbered, i - 1).lecture!, nth(numbered, i).lecture!];
      const ok = nth(a, 0) < nth(b, 0) || (a[0] === b[0] && (a[1] ?? 0) <= (b[1] ?? 0));
      expect(ok, `${course.title}: ${a} before ${b}`).toBe(true);
    }
    for (const t of numbered) {
      if (t.courseKey === null || t.weakName) continue;
      homeOfKey.set(t.courseKey, (homeOfKey.get(t.courseKey) ?? new Set()).add(course.id));
    }
    const stems = new Map<string, { pos: number; part: number }[]>();
    course.lectures.forEach((v, pos) => {
      const t = info.get(v)!;
      if (t.part === null || t.seriesStem === null) return;
      const key = normaliseKey(t.seriesStem);
      stems.set(key, [...(stems.get(key) ?? []), { pos, part: t.part }]);
    });
    for (const [stem, parts] of stems) {
      for (let i = 1; i < parts.length; i++) {
        const [prev, cur] = [nth(parts, i - 1), nth(parts, i)];
        if (strictParts) expect(cur.part, `${course.title} / ${stem}: parts increase`).toBeGreaterThan(prev.part);
        else expect(cur.part, `${course.title} / ${stem}: parts in order`).toBeGreaterThanOrEqual(prev.part);
        expect(cur.pos, `${course.title} / ${stem}: parts together`).toBe(prev.pos + 1);
      }
    }
  }
  for (const [key, homes] of homeOfKey) expect([...homes], `${key} in one course`).toHaveLength(1);
}
