import { describe, expect, it } from 'vitest';
import type { CourseInfo, ExpandedLibrary, LectureInfo } from '../../../electron/shared/contract';
import { courseProgress, fraction, lecturesById, nextUp, wrappedAround, overallProgress } from '../../../electron/shared/progress';
import { nth } from '../helpers/nth';

function lecture(videoId: string, index: number, watched = false): LectureInfo {
  return { videoId, index, date: null, title: videoId, courseId: '', watched, hasNote: false, hasSummary: false };
}
function course(id: string, lectures: string[]): CourseInfo {
  return { id, title: id, kind: 'course', lectures, corrected: false };
}
function lib(courses: CourseInfo[], lectures: LectureInfo[]): Pick<ExpandedLibrary, 'courses' | 'lectures'> {
  return { courses, lectures };
}

describe('courseProgress / overallProgress', () => {
  it('counts watched lectures of the course only', () => {
    const l = lib(
      [course('a', ['x', 'y', 'z']), course('b', ['w'])],
      [lecture('x', 1, true), lecture('y', 2), lecture('z', 3, true), lecture('w', 4, true)],
    );
    expect(courseProgress(nth(l.courses, 0), lecturesById(l))).toEqual({ watched: 2, total: 3 });
    expect(courseProgress(nth(l.courses, 1), lecturesById(l))).toEqual({ watched: 1, total: 1 });
    expect(overallProgress(l)).toEqual({ watched: 3, total: 4 });
  });

  it('ignores ids the library does not know', () => {
    const l = lib([course('a', ['x', 'ghost'])], [lecture('x', 1)]);
    expect(courseProgress(nth(l.courses, 0), lecturesById(l))).toEqual({ watched: 0, total: 1 });
  });

  it('fraction is 0 for an empty course, not NaN', () => {
    expect(fraction({ watched: 0, total: 0 })).toBe(0);
    expect(fraction({ watched: 1, total: 4 })).toBe(0.25);
  });
});

describe('nextUp', () => {
  it('is the first unwatched lecture in course order, not upload order', () => {
    // course order z, x, y while upload order is x, y, z
    const l = lib([course('a', ['z', 'x', 'y'])], [lecture('x', 1), lecture('y', 2), lecture('z', 3, true)]);
    expect(nextUp(l, 'a')).toBe('x');
  });

  it('falls back to the next course with unwatched lectures', () => {
    const l = lib(
      [course('a', ['x']), course('b', ['y']), course('c', ['z'])],
      [lecture('x', 1, true), lecture('y', 2, true), lecture('z', 3)],
    );
    expect(nextUp(l, 'a')).toBe('z');
  });

  it('wraps around to earlier courses, and says it did', () => {
    const l = lib([course('a', ['x']), course('b', ['y'])], [lecture('x', 1), lecture('y', 2, true)]);
    expect(nextUp(l, 'b')).toBe('x');
    expect(wrappedAround(l, 'b', 'x')).toBe(true);
    expect(wrappedAround(l, 'a', 'x')).toBe(false);
    expect(wrappedAround(l, null, 'x')).toBe(false);
  });

  it('starts from the first course when the course is unknown or null', () => {
    const l = lib([course('a', ['x']), course('b', ['y'])], [lecture('x', 1), lecture('y', 2)]);
    expect(nextUp(l, null)).toBe('x');
    expect(nextUp(l, 'nope')).toBe('x');
  });

  it('is null when everything is watched or there are no courses', () => {
    expect(nextUp(lib([course('a', ['x'])], [lecture('x', 1, true)]), 'a')).toBeNull();
    expect(nextUp(lib([], []), null)).toBeNull();
  });
});
