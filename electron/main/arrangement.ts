// The service's courses as they stand: built from the catalog and the student's corrections
// (course-cache.ts keeps them between starts), with the lookups every request needs.
import { ApiError, type CourseInfo, type LectureInfo } from '../shared/contract';
import type { CatalogEntry, Corrections, Course } from '../shared/types';
import { arrangeCourses, type CourseCacheAt } from './course-cache';
import { hasSummary } from './catalog-cache';
import type { StudentMarks } from './library-columns';

export class Arrangement {
  courses: Course[] = [];
  /** videoId → its course. */
  readonly courseOf = new Map<string, Course>();
  /** videoId → the same lecture in the other language (catalog/versions.ts). */
  linked = new Map<string, string>();

  constructor(
    private readonly entries: readonly CatalogEntry[],
    private readonly at: CourseCacheAt | null,
  ) {}

  /** Order (or re-order, after a correction or a change of course order) the courses. */
  arrange(corrections: Corrections, newestFirst: boolean): void {
    ({ courses: this.courses, linked: this.linked } = arrangeCourses(this.entries, { corrections, newestFirst }, this.at));
    this.courseOf.clear();
    for (const c of this.courses) for (const id of c.lectures) this.courseOf.set(id, c);
  }

  /** Refuses an id no course has, in the student's words. */
  mustHave(courseId: string): void {
    if (!this.courses.some((c) => c.id === courseId))
      throw new ApiError(`No course ${courseId}`, 'not-found', { key: 'courseNotFound', params: { courseId } });
  }

  /** A lecture as the contract sends it: its place in the courses and the student's marks. */
  info(e: CatalogEntry, d: StudentMarks): LectureInfo {
    return {
      videoId: e.videoId,
      index: e.index,
      date: e.date,
      title: e.title,
      courseId: this.courseOf.get(e.videoId)?.id ?? 'other',
      watched: e.videoId in d.watched,
      watchedAt: d.watched[e.videoId]?.at || null,
      hasNote: e.videoId in d.notes,
      hasSummary: hasSummary(e),
      linkedVideoId: this.linked.get(e.videoId) ?? null,
    };
  }
}

/** A course as the contract sends it: marked when the student renamed it or made it. */
export function courseInfo(c: Course, corrections: Corrections): CourseInfo {
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    category: c.category,
    group: c.group,
    lectures: c.lectures,
    corrected: c.id in corrections.titles || c.kind === 'custom',
  };
}
