// Plain data types shared by main, preload, renderer and tests.
// Imports nothing from electron, node or the DOM.

/** One `<details>` block of a catalog page. */
export interface CatalogEntry {
  /** Position in the channel's upload order (1 = oldest). */
  index: number;
  /** `YYYY-MM-DD`, or null when the page does not give one. */
  date: string | null;
  /** Title with HTML entities decoded; plain text, never HTML. */
  title: string;
  /** 11 characters of `A-Za-z0-9_-`; the entry's identity. */
  videoId: string;
  /** Untrusted Markdown; '' when the entry has none. */
  summary: string;
  /** 1-based line of the `<details>` that opened the entry. */
  line: number;
}

export interface CatalogWarning {
  file: string;
  line: number;
  message: string;
}

export interface ParseResult {
  entries: CatalogEntry[];
  warnings: CatalogWarning[];
}

/** Student corrections to the heuristics, stored by id so they survive catalog updates. */
export interface Corrections {
  /** videoId → course id the student moved it to. */
  moves: Record<string, string>;
  /** course id → title the student gave it (renames, and names of courses the student created). */
  titles: Record<string, string>;
}

export type CourseKind = 'course' | 'series' | 'other' | 'custom';

/** The course that holds the lectures no course claims; the page names it in the UI language by this id. */
export const OTHER_COURSE_ID = 'other';

/** What the sidebar shelves a course under (catalog/shelves.ts decides). */
export type CourseCategory = 'course' | 'supplement' | 'talk' | 'other';

/** A course as ordered by `buildCourses`. */
export interface Course {
  /** Stable across catalog editions: derived from the normalised tag or series stem. */
  id: string;
  title: string;
  kind: CourseKind;
  category: CourseCategory;
  /** The year the course was taught (`2021`), or `Undated` / `Other`: the sidebar's groups. */
  group: string;
  /** Video ids in course order. */
  lectures: string[];
}
