// Courses and language links for a catalog, kept beside the start-up cache: at 10,000
// lectures ordering the courses and linking the versions take seconds, and a warm start
// should not redo them. The key is the catalog's content key (which holds the app
// version), the student's corrections and the course order, so any change to what they
// are built from means building them again; the file is sealed (startup-cache.ts), so a
// damaged one is never used.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { CatalogEntry, Corrections, Course } from '../shared/types';
import { buildCourses } from './catalog/courses';
import { linkVersions } from './catalog/versions';
import { cacheDir, readSealed, writeSealed } from './startup-cache';

export const COURSES_FILE = 'courses.json';

export interface Arranged {
  courses: Course[];
  /** videoId → the same lecture in the other language (catalog/versions.ts). */
  linked: Map<string, string>;
}

export interface ArrangeOptions {
  corrections: Corrections;
  newestFirst: boolean;
}

/** Where to keep the result, under which catalog key; null: never cached (tests, no data folder). */
export interface CourseCacheAt {
  dataDir: string;
  catalogKey: string;
}

function keyOf(at: CourseCacheAt, opts: ArrangeOptions): string {
  return createHash('sha256')
    .update(JSON.stringify([at.catalogKey, opts.corrections.moves, opts.corrections.titles, opts.newestFirst]))
    .digest('hex');
}

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Every entry in exactly one course, and every link between two entries: else not ours. */
function fits(entries: readonly CatalogEntry[], courses: unknown, links: unknown): courses is Course[] {
  if (!Array.isArray(courses) || !Array.isArray(links)) return false;
  const ids = new Set(entries.map((e) => e.videoId));
  let placed = 0;
  for (const c of courses as Course[]) {
    if (
      !c ||
      typeof c.id !== 'string' ||
      typeof c.title !== 'string' ||
      typeof c.kind !== 'string' ||
      typeof c.category !== 'string' ||
      typeof c.group !== 'string' ||
      !strings(c.lectures) ||
      !c.lectures.every((id) => ids.has(id))
    )
      return false;
    placed += c.lectures.length;
  }
  return placed === ids.size && links.every((l) => strings(l) && l.length === 2 && ids.has(l[0]!) && ids.has(l[1]!));
}

function read(file: string, key: string, entries: readonly CatalogEntry[]): Arranged | null {
  const body = readSealed(file);
  if (!body) return null;
  try {
    const data = JSON.parse(body.toString('utf8')) as { key?: unknown; courses?: unknown; links?: unknown };
    if (data.key !== key || !fits(entries, data.courses, data.links)) return null;
    return { courses: data.courses, linked: new Map(data.links as [string, string][]) };
  } catch {
    return null;
  }
}

/** The courses in study order and the language links, from the cache when it fits. */
export function arrangeCourses(entries: readonly CatalogEntry[], opts: ArrangeOptions, at: CourseCacheAt | null): Arranged {
  const file = at && join(cacheDir(at.dataDir), COURSES_FILE);
  const key = at ? keyOf(at, opts) : '';
  const cached = file ? read(file, key, entries) : null;
  if (cached) return cached;
  const courses = buildCourses(entries, opts);
  const linked = linkVersions(entries, courses);
  if (file) {
    try {
      writeSealed(file, Buffer.from(JSON.stringify({ key, courses, links: [...linked] })));
    } catch (e) {
      // A cache that cannot be written (full disk, read-only folder) costs the next start time, nothing else.
      process.stderr.write(`Lecture Companion: could not write the course cache: ${(e as Error).message}\n`);
    }
  }
  return { courses, linked };
}
