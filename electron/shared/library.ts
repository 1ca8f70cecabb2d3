// The library as getLibrary sends it: one array per field (columns), not one object per
// lecture, and each course's lectures as row numbers into those columns. At 10,000 lectures
// this is a fraction of the bytes, and the page keeps the arrays as they came instead of
// building (and watching) 10,000 objects before its first paint. contract.ts re-exports it.
// Imports nothing from electron, node or the DOM.
import { z } from 'zod';
import type { Prefs } from './prefs';
import type { CatalogWarning, CourseCategory, CourseKind } from './types';
import { ERROR_MESSAGES, type ErrorWords } from './wire';

export interface StoreStatus {
  /** ok: normal; recovered: the data file was unreadable and set aside; readonly: written by a newer version. */
  state: 'ok' | 'recovered' | 'readonly';
  message: string | null;
  /** Where the unreadable original was kept, byte for byte. */
  quarantinePath: string | null;
  /** The reason by key, so the page says it in the UI's language; `message` is its English (logs, fallback). */
  words?: ErrorWords;
}

/** One lecture as the page reads it (the renderer makes these only for rows it shows). */
export interface LectureInfo {
  videoId: string;
  index: number;
  date: string | null;
  title: string;
  courseId: string;
  watched: boolean;
  hasNote: boolean;
  hasSummary: boolean;
  /** When it was marked watched (ms since epoch); null when not watched or the time is unknown (v1 data). */
  watchedAt?: number | null;
  /** The same lecture in the other language (中文版 / English version), when the catalog has it. */
  linkedVideoId?: string | null;
}

export interface CourseInfo {
  id: string;
  title: string;
  kind: CourseKind;
  /** The sidebar's shelf: course, TA supplement, conference or talk, other. */
  category?: CourseCategory;
  /** The sidebar's group: the year the course was taught, `Undated` or `Other`. */
  group?: string;
  /** Video ids in course order. */
  lectures: string[];
  /** True when the student renamed it or created it. */
  corrected: boolean;
}

/** Bits of `LectureColumns.flags`. */
export const FLAG = { watched: 1, hasNote: 2, hasSummary: 4 } as const;

/**
 * A column checked with one plain loop and kept as it came: zod's per-element parse of
 * 10,000 values (and its copy of the array) was the page's largest cost of opening. The
 * loops call nothing per element: the page runs them once, before its code is warm.
 */
const allStrings = (a: unknown[]) => {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false;
  return true;
};
/** Numbers from `min` up (-Infinity: any number); whole ones only when `whole`. */
const allNumbers = (a: unknown[], min: number, whole: boolean) => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !(x >= min) || (whole && x % 1 !== 0)) return false;
  }
  return true;
};
const column = <T>(what: string, ok: (a: unknown[]) => boolean) =>
  z.custom<T[]>((v) => Array.isArray(v) && ok(v), { message: `an array of ${what}` });
const isString = (v: unknown) => typeof v === 'string';
/** Row numbers (whole, from `min`). */
const rows = (min: number) => (a: unknown[]) => allNumbers(a, min, true);
/** Whether any number in `a` is `n` or more. */
const anyFrom = (a: readonly number[], n: number) => {
  for (let i = 0; i < a.length; i++) if (a[i]! >= n) return true;
  return false;
};
const columnsSchema = z
  .object({
    /** In upload order (by index): row n of every column is the same lecture. */
    ids: column<string>('strings', allStrings),
    titles: column<string>('strings', allStrings),
    indexes: column<number>('numbers', (a) => allNumbers(a, -Infinity, false)),
    /** `YYYY-MM-DD`, or '' when the catalog gives none. */
    dates: column<string>('strings', allStrings),
    /** FLAG bits. */
    flags: column<number>('flags', rows(0)),
    /** When it was marked watched (ms since epoch); 0 when not watched or unknown. */
    watchedAt: column<number>('times', (a) => allNumbers(a, 0, false)),
    /** Row of the other-language version, or -1. */
    linked: column<number>('rows', rows(-1)),
  })
  .superRefine((c, ctx) => {
    const n = c.ids.length;
    for (const [k, v] of Object.entries(c)) if (v.length !== n) ctx.addIssue({ code: 'custom', path: [k], message: `${n} rows expected` });
    if (anyFrom(c.linked, n)) ctx.addIssue({ code: 'custom', path: ['linked'], message: 'row out of range' });
  });

/** A course as the wire sends it. */
export interface LibraryCourse {
  id: string;
  title: string;
  kind: CourseKind;
  category?: CourseCategory;
  group?: string;
  corrected: boolean;
  /** Rows of its lectures in the columns, in course order. */
  rows: number[];
}

const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
/**
 * A course checked as the columns are, with plain tests of its fields: at 10,000 lectures
 * the sidebar has about 600 courses, and zod's object parse of each was a third of the
 * page's checking before its first paint.
 */
const isCourse = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<keyof LibraryCourse, unknown>;
  return (
    isString(c.id) &&
    isString(c.title) &&
    isString(c.kind) &&
    optional(c.category, isString) &&
    optional(c.group, isString) &&
    typeof c.corrected === 'boolean' &&
    Array.isArray(c.rows) &&
    allNumbers(c.rows, 0, true)
  );
};

export const librarySchema = z
  .object({
    courses: z.custom<LibraryCourse[]>((v) => Array.isArray(v) && v.every(isCourse), { message: 'an array of courses' }),
    lectures: columnsSchema,
    /**
     * Only in the first answer (getLibrary with `firstScreen`): `titles` and `dates` hold the
     * rows the page opens on, and '' elsewhere; getLectureText answers them all.
     */
    firstScreen: z.literal(true).optional(),
    warnings: z.array(z.custom<CatalogWarning>((v) => typeof v === 'object' && v !== null)),
    prefs: z.custom<Prefs>((v) => typeof v === 'object' && v !== null),
    store: z.object({
      state: z.enum(['ok', 'recovered', 'readonly']),
      message: z.string().nullable(),
      quarantinePath: z.string().nullable(),
      words: z
        .object({ key: z.enum(ERROR_MESSAGES), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
        .optional(),
    }),
    /** Where the notes, marks and backups live, shown in Settings. */
    dataDir: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    const n = l.lectures.ids.length;
    if (l.courses.some((c) => anyFrom(c.rows, n))) ctx.addIssue({ code: 'custom', path: ['courses'], message: 'row out of range' });
  });

/** The text columns the first answer leaves out (getLectureText): every row, in the columns' order. */
export const lectureTextSchema = z
  .object({ titles: column<string>('strings', allStrings), dates: column<string>('strings', allStrings) })
  .refine((t) => t.titles.length === t.dates.length, 'as many dates as titles');
export type LectureText = z.output<typeof lectureTextSchema>;

export type LectureColumns = z.output<typeof columnsSchema>;
/** What getLibrary (and every call that changes the courses) answers with. */
export type Library = z.output<typeof librarySchema>;

/** The library with a CourseInfo per course and a LectureInfo per lecture, as the service and tests think of it. */
export interface ExpandedLibrary extends Omit<Library, 'courses' | 'lectures'> {
  courses: CourseInfo[];
  /** Every lecture, in upload order (by index). */
  lectures: LectureInfo[];
}

/** Courses with their lectures as rows of `ids`. */
export function encodeCourses(courses: readonly CourseInfo[], rowOf: ReadonlyMap<string, number>): LibraryCourse[] {
  return courses.map(({ lectures, ...c }) => ({
    ...c,
    rows: lectures.flatMap((id) => {
      const r = rowOf.get(id);
      return r === undefined ? [] : [r];
    }),
  }));
}

/** Columns from lectures; `lectures` must be in upload order. */
export function encodeLibrary({ courses, lectures, ...rest }: ExpandedLibrary): Library {
  const rowOf = new Map(lectures.map((l, i) => [l.videoId, i]));
  const columns: LectureColumns = { ids: [], titles: [], indexes: [], dates: [], flags: [], watchedAt: [], linked: [] };
  for (const l of lectures) {
    columns.ids.push(l.videoId);
    columns.titles.push(l.title);
    columns.indexes.push(l.index);
    columns.dates.push(l.date ?? '');
    columns.flags.push((l.watched ? FLAG.watched : 0) | (l.hasNote ? FLAG.hasNote : 0) | (l.hasSummary ? FLAG.hasSummary : 0));
    columns.watchedAt.push(l.watchedAt ?? 0);
    columns.linked.push(l.linkedVideoId ? (rowOf.get(l.linkedVideoId) ?? -1) : -1);
  }
  return { ...rest, courses: encodeCourses(courses, rowOf), lectures: columns };
}

/** Course ids per row: the course whose rows hold it, or 'other' (as the service files a lecture no course claims). */
export function courseIdsByRow(courses: readonly LibraryCourse[], rows: number): string[] {
  const out = new Array<string>(rows).fill('other');
  for (const c of courses) for (const r of c.rows) out[r] = c.id;
  return out;
}

/** CourseInfo from a wire course, its video ids taken from the `ids` column (the same strings, not copies). */
export function decodeCourse({ rows, ...c }: LibraryCourse, ids: readonly string[]): CourseInfo {
  return { ...c, lectures: rows.map((r) => ids[r]!) };
}

/** One lecture of the columns; `courseIds` from courseIdsByRow. */
export function lectureAt(c: LectureColumns, r: number, courseIds: readonly string[]): LectureInfo {
  const flags = c.flags[r] ?? 0;
  const linked = c.linked[r] ?? -1;
  return {
    videoId: c.ids[r]!,
    index: c.indexes[r]!,
    date: c.dates[r] || null,
    title: c.titles[r]!,
    courseId: courseIds[r] ?? 'other',
    watched: (flags & FLAG.watched) !== 0,
    hasNote: (flags & FLAG.hasNote) !== 0,
    hasSummary: (flags & FLAG.hasSummary) !== 0,
    watchedAt: c.watchedAt[r] || null,
    linkedVideoId: linked >= 0 ? c.ids[linked]! : null,
  };
}

/** Every lecture as an object again: for tests and callers that want the whole thing. */
export function decodeLibrary({ courses, lectures, ...rest }: Library): ExpandedLibrary {
  const courseIds = courseIdsByRow(courses, lectures.ids.length);
  return {
    ...rest,
    courses: courses.map((c) => decodeCourse(c, lectures.ids)),
    lectures: lectures.ids.map((_, r) => lectureAt(lectures, r, courseIds)),
  };
}
