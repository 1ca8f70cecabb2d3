// The sidebar's groups: courses by the year they were taught and their category
// (catalog/shelves.ts decides both), with each group's progress and a text filter.
// Pure: no DOM, no Svelte.
import type { CourseInfo } from '../../../electron/shared/contract';
import type { Progress } from '../../../electron/shared/progress';
import type { CourseCategory } from '../../../electron/shared/types';

export interface CourseGroup {
  key: string;
  label: string;
  courses: CourseInfo[];
  watched: number;
  total: number;
}

const CATEGORY_LABEL: Record<CourseCategory, string> = {
  course: 'Courses',
  supplement: 'TA supplements',
  talk: 'Conferences & talks',
  other: 'Other',
};

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

function labelOf(c: CourseInfo): string {
  const category = c.category ?? 'course';
  if (category === 'other') return c.title;
  const kind = CATEGORY_LABEL[category];
  return c.group ? `${c.group} · ${kind}` : kind;
}

/**
 * Groups in the order their first course comes in `courses` (so "newest first" still
 * holds), courses in their own order inside. A filter keeps courses whose title or
 * group label contains it (spacing, case and full-width blind); empty groups go.
 */
export function groupCourses(courses: readonly CourseInfo[], progress: ReadonlyMap<string, Progress>, filter = ''): CourseGroup[] {
  const q = fold(filter);
  const groups = new Map<string, CourseGroup>();
  for (const c of courses) {
    const key = `${c.group ?? ''}|${c.category ?? 'course'}`;
    const label = labelOf(c);
    if (q && !fold(c.title).includes(q) && !fold(label).includes(q)) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, courses: [], watched: 0, total: 0 }));
    g.courses.push(c);
    const p = progress.get(c.id);
    g.watched += p?.watched ?? 0;
    g.total += p?.total ?? 0;
  }
  return [...groups.values()];
}
