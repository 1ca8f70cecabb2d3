// The name the page shows for a course. The service titles the course of lectures no course
// claims in English ("Other videos"); the page words it in the UI language, by its id, unless
// the student renamed it. Every place that shows a course's name goes through here.
import type { CourseInfo } from '../../../electron/shared/contract';
import { OTHER_COURSE_ID } from '../../../electron/shared/types';
import { t } from './i18n/locale.svelte';

type Named = Pick<CourseInfo, 'id' | 'title'> & { corrected?: boolean };

export function courseName(c: Named): string {
  return c.id === OTHER_COURSE_ID && !c.corrected ? t('course.other') : c.title;
}

/**
 * For data that carries only a course's id and title (a search hit, a note, a lecture's
 * detail): the course as the library holds it decides whether the student renamed it.
 */
export function courseNameOf(courseId: string, title: string, courses: readonly CourseInfo[]): string {
  if (courseId !== OTHER_COURSE_ID) return title;
  return courseName(courses.find((c) => c.id === courseId) ?? { id: courseId, title });
}
