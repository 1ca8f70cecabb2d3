// Progress figures and "next up", computed from the library's courses and a way to look
// lectures up. Pure functions: the renderer, tests and any future tray/menu share one definition.
import type { CourseInfo, ExpandedLibrary, LectureInfo } from './contract';

/** What these functions need of a map from video id to lecture (the renderer's is not a Map). */
export interface LectureLookup {
  get(videoId: string): Pick<LectureInfo, 'watched'> | undefined;
}

export interface Progress {
  watched: number;
  total: number;
}

/** Watched/total for one course; ids missing from `lecturesById` are not counted. */
export function courseProgress(course: CourseInfo, lecturesById: LectureLookup): Progress {
  let watched = 0;
  let total = 0;
  for (const id of course.lectures) {
    const l = lecturesById.get(id);
    if (!l) continue;
    total++;
    if (l.watched) watched++;
  }
  return { watched, total };
}

/** Watched/total over every lecture of the library. */
export function overallProgress(library: Pick<ExpandedLibrary, 'lectures'>): Progress {
  let watched = 0;
  for (const l of library.lectures) if (l.watched) watched++;
  return { watched, total: library.lectures.length };
}

/** 0..1, and 0 for an empty course rather than NaN. */
export function fraction(p: Progress): number {
  return p.total === 0 ? 0 : p.watched / p.total;
}

export function lecturesById(library: Pick<ExpandedLibrary, 'lectures'>): Map<string, LectureInfo> {
  return new Map(library.lectures.map((l) => [l.videoId, l]));
}

/**
 * The first unwatched lecture, in course order, of `courseId`; when that course is done
 * (or unknown), the first unwatched lecture of the next course in the library's order,
 * wrapping around to earlier courses. Null when everything is watched.
 */
export function nextUp(
  library: Pick<ExpandedLibrary, 'courses'> & Partial<Pick<ExpandedLibrary, 'lectures'>>,
  courseId: string | null,
  byId: LectureLookup = lecturesById({ lectures: library.lectures ?? [] }),
): string | null {
  const { courses } = library;
  if (courses.length === 0) return null;
  const start = Math.max(
    0,
    courses.findIndex((c) => c.id === courseId),
  );
  // From the current course on, wrapping around.
  for (const course of [...courses.slice(start), ...courses.slice(0, start)]) {
    for (const id of course.lectures) {
      const l = byId.get(id);
      if (l && !l.watched) return id;
    }
  }
  return null;
}

/**
 * True when Next up went back to a course before `courseId`: that course and every one after
 * it are finished. The page says so instead of silently jumping to the first course.
 */
export function wrappedAround(library: Pick<ExpandedLibrary, 'courses'>, courseId: string | null, videoId: string): boolean {
  const start = library.courses.findIndex((c) => c.id === courseId);
  const at = library.courses.findIndex((c) => c.lectures.includes(videoId));
  return start >= 0 && at >= 0 && at < start;
}
