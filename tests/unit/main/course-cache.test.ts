// The courses-and-links cache (course-cache.ts) on real temp folders and real catalog
// pages: a warm start takes the arrangement from the cache; other corrections or order,
// a damaged file, or a file that does not fit the catalog mean arranging again.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogs } from '../../../electron/main/catalog/parse';
import { buildCourses } from '../../../electron/main/catalog/courses';
import { linkVersions } from '../../../electron/main/catalog/versions';
import { arrangeCourses, COURSES_FILE } from '../../../electron/main/course-cache';
import { cacheDir, readSealed, writeSealed } from '../../../electron/main/startup-cache';
import { readCatalog } from '../../../electron/main/catalog/read';
import type { Corrections } from '../../../electron/shared/types';
import { CATALOG_FIXTURES, pagesIn, SEED } from '../helpers/fixtures';
import { tempDir } from '../helpers/service';

const { pages, key } = readCatalog([SEED, ...pagesIn(CATALOG_FIXTURES)], '1.0.0', { text: true });
const { entries } = parseCatalogs(pages);
const none: Corrections = { moves: {}, titles: {} };
const fresh = (corrections = none, newestFirst = false) => {
  const courses = buildCourses(entries, { corrections, newestFirst });
  return { courses, linked: linkVersions(entries, courses) };
};
const place = (dataDir: string) => ({ dataDir, catalogKey: key });
const file = (dataDir: string) => join(cacheDir(dataDir), COURSES_FILE);

/** Rewrites the sealed cache file through `change` (still sealed, so only its content differs). */
function rewrite(dataDir: string, change: (data: { key: string; courses: { lectures: string[] }[]; links: string[][] }) => void) {
  const data = JSON.parse(readSealed(file(dataDir))!.toString('utf8'));
  change(data);
  writeSealed(file(dataDir), Buffer.from(JSON.stringify(data)));
}

describe('course cache', () => {
  it('arranges as buildCourses and linkVersions do, and writes the cache', () => {
    const dir = tempDir();
    const first = arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir));
    expect(first).toEqual(fresh());
    expect(first.linked.size).toBeGreaterThan(0);
    expect(readSealed(file(dir))).not.toBeNull();
  });

  it('a second start takes the arrangement from the cache', () => {
    const dir = tempDir();
    arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir));
    // A different but fitting arrangement under the same key: only the cache can give it.
    rewrite(dir, (d) => d.courses.reverse());
    const warm = arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir));
    expect(warm.courses.map((c) => c.id)).toEqual(
      fresh()
        .courses.map((c) => c.id)
        .reverse(),
    );
    expect(warm.linked).toEqual(fresh().linked);
  });

  it('other corrections or another order arrange again', () => {
    const dir = tempDir();
    arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir));
    rewrite(dir, (d) => d.courses.reverse());
    const course = fresh().courses.find((c) => c.lectures.length > 1)!;
    const moved: Corrections = { moves: { [course.lectures[0]!]: 'custom:elsewhere' }, titles: { 'custom:elsewhere': 'Elsewhere' } };
    expect(arrangeCourses(entries, { corrections: moved, newestFirst: false }, place(dir))).toEqual(fresh(moved));
    expect(arrangeCourses(entries, { corrections: none, newestFirst: true }, place(dir))).toEqual(fresh(none, true));
  });

  it('a damaged file, or one that does not fit the catalog, means arranging again', () => {
    const dir = tempDir();
    arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir));
    const bytes = readFileSync(file(dir));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10); // the seal no longer matches
    writeFileSync(file(dir), bytes);
    expect(arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir))).toEqual(fresh());

    rewrite(dir, (d) => d.courses[0]!.lectures.pop()); // a lecture in no course
    expect(arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir))).toEqual(fresh());
    rewrite(dir, (d) => d.links.push(['not-a-video', 'neither']));
    expect(arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir))).toEqual(fresh());
    writeSealed(file(dir), Buffer.from('{ not json'));
    expect(arrangeCourses(entries, { corrections: none, newestFirst: false }, place(dir))).toEqual(fresh());
  });

  it('without a data folder nothing is cached', () => {
    expect(arrangeCourses(entries, { corrections: none, newestFirst: false }, null)).toEqual(fresh());
  });
});
