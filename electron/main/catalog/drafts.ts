// What the course heuristics (courses.ts) and the evidence rules (evidence.ts) share.
import type { CatalogEntry, CourseKind } from '../../shared/types';
import type { TitleInfo } from './titles';

// The id is shared with the renderer, which words this course's name in the UI language.
export { OTHER_COURSE_ID } from '../../shared/types';
/** Its title in English: the CLI, logs and exports; the page shows its own words. */
export const OTHER_COURSE_TITLE = 'Other videos';

export interface Item {
  entry: CatalogEntry;
  info: TitleInfo;
  /** normaliseKey of the series stem, computed once: counting, placing and ordering all ask for it. */
  stemKey: string | null;
  /** The course the heuristics place the video in (set by heuristicCourses, moved by evidence). */
  home: Draft;
}

export interface Draft {
  id: string;
  kind: CourseKind;
  /** What named it: a course tag, a name before a lecture number, a shared series stem, or nothing. */
  by: 'tag' | 'name' | 'series' | 'evidence' | 'other';
  /** Spellings seen, with how often and where first: the title is the most common one. */
  spellings: Map<string, { count: number; first: number }>;
}

export function addSpelling(draft: Draft, spelling: string, index: number): void {
  const seen = draft.spellings.get(spelling);
  if (seen) {
    seen.count++;
    seen.first = Math.min(seen.first, index);
  } else draft.spellings.set(spelling, { count: 1, first: index });
}

export type DraftFor = (id: string, kind: CourseKind, by: Draft['by']) => Draft;
