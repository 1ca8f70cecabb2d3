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

/** How group labels read: the UI language's words for categories and for the non-year groups. */
export interface GroupLabels {
  category: (c: CourseCategory) => string;
  /** A year stays a year; `Undated` and `Other` (named by the catalog) are words to translate. */
  group: (g: string) => string;
  /** A course's shown name (../course-name.ts): the 'other' shelf is labelled by its one course. */
  course: (c: CourseInfo) => string;
}
const ENGLISH: GroupLabels = { category: (c) => CATEGORY_LABEL[c], group: (g) => g, course: (c) => c.title };

function labelOf(c: CourseInfo, labels: GroupLabels): string {
  const category = c.category ?? 'course';
  if (category === 'other') return labels.course(c);
  const kind = labels.category(category);
  return c.group ? `${labels.group(c.group)} · ${kind}` : kind;
}

/**
 * Groups in the order their first course comes in `courses` (so "newest first" still
 * holds), courses in their own order inside. A filter keeps courses whose title, shown
 * name or group label contains it (spacing, case and full-width blind); empty groups go.
 */
export function groupCourses(
  courses: readonly CourseInfo[],
  progress: ReadonlyMap<string, Progress>,
  filter = '',
  labels: GroupLabels = ENGLISH,
): CourseGroup[] {
  const q = fold(filter);
  const groups = new Map<string, CourseGroup>();
  // A group's words are looked up once, not per course: at 10,000 lectures there are about
  // 600 courses in a few dozen groups, and i18next's lookup per course was most of the
  // sidebar's first draw. (The 'other' shelf is named by its first course, as before.)
  const labelOfKey = new Map<string, string>();
  for (const c of courses) {
    const key = `${c.group ?? ''}|${c.category ?? 'course'}`;
    let label = labelOfKey.get(key);
    if (label === undefined) labelOfKey.set(key, (label = labelOf(c, labels)));
    if (q && !fold(c.title).includes(q) && !fold(labels.course(c)).includes(q) && !fold(label).includes(q)) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, courses: [], watched: 0, total: 0 }));
    g.courses.push(c);
    const p = progress.get(c.id);
    g.watched += p?.watched ?? 0;
    g.total += p?.total ?? 0;
  }
  return [...groups.values()];
}
