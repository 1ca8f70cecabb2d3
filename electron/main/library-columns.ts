// getLibrary's lecture columns. What comes from the catalog (ids, titles, indexes, dates,
// summaries, language pairs) is built once per course arrangement and reused; only the two
// things a student changes (watched marks and notes) are read from the store per answer.
// At 10,000 lectures that is two passes over plain arrays instead of 10,000 objects.
import {
  encodeCourses,
  FLAG,
  type CourseInfo,
  type LectureColumns,
  type LectureText,
  type LibraryCourse,
  type Prefs,
} from '../shared/contract';
import type { CatalogEntry } from '../shared/types';
import { hasSummary } from './catalog-cache';

/** Rows at the top of the whole channel's list (upload order), and either side of the last lecture. */
const UPLOAD_ORDER_WINDOW = 100;

type FixedColumns = Omit<LectureColumns, 'flags' | 'watchedAt'> & { summaryFlags: number[] };

export interface StudentMarks {
  watched: Record<string, { at?: number } | undefined>;
  notes: Record<string, unknown>;
}

export class LectureColumnsCache {
  #fixed: FixedColumns | null = null;

  /** videoId → its row in the columns. */
  readonly rowOf: ReadonlyMap<string, number>;

  /** `entries` in upload order. */
  constructor(private readonly entries: readonly CatalogEntry[]) {
    this.rowOf = new Map(entries.map((e, i) => [e.videoId, i]));
  }

  /** Courses as the contract sends them: their lectures as rows of these columns. */
  courses(infos: readonly CourseInfo[]): LibraryCourse[] {
    return encodeCourses(infos, this.rowOf);
  }

  #ensure(): FixedColumns {
    if (!this.#fixed) this.arranged(new Map());
    return this.#fixed!;
  }

  /** The language pairs changed (a new arrangement of the courses); `linked` maps a video id to its other-language version. */
  arranged(linked: ReadonlyMap<string, string>): void {
    const e = this.entries;
    this.#fixed = {
      ids: e.map((x) => x.videoId),
      titles: e.map((x) => x.title),
      indexes: e.map((x) => x.index),
      dates: e.map((x) => x.date ?? ''),
      linked: e.map((x) => {
        const other = linked.get(x.videoId);
        return other === undefined ? -1 : (this.rowOf.get(other) ?? -1);
      }),
      // hasSummary, not x.summary: a warm start reads summaries lazily (catalog-cache.ts).
      summaryFlags: e.map((x) => (hasSummary(x) ? FLAG.hasSummary : 0)),
    };
  }

  /** Every lecture's title and date (getLectureText). */
  text(): LectureText {
    const { titles, dates } = this.#ensure();
    return { titles, dates };
  }

  /** The columns; with `textRows`, titles and dates only for those rows ('' elsewhere). */
  columns(marks: StudentMarks, textRows?: ReadonlySet<number>): LectureColumns {
    const { summaryFlags, ...fixed } = this.#ensure();
    const { watched, notes } = marks;
    const only = (col: string[]) => (textRows ? col.map((v, r) => (textRows.has(r) ? v : '')) : col);
    return {
      ...fixed,
      titles: only(fixed.titles),
      dates: only(fixed.dates),
      flags: this.entries.map(
        (x, r) => (summaryFlags[r] ?? 0) | (x.videoId in watched ? FLAG.watched : 0) | (x.videoId in notes ? FLAG.hasNote : 0),
      ),
      watchedAt: this.entries.map((x) => watched[x.videoId]?.at || 0),
    };
  }

  /**
   * The rows the page opens on, as it picks them (library.svelte.ts, load): the last course,
   * else the last lecture's, else the first; in upload order the top of the list and the rows
   * around the last lecture. With the lectures they pair with, for the pane's language link.
   */
  firstScreenRows(courses: readonly LibraryCourse[], prefs: Pick<Prefs, 'uploadOrder' | 'lastCourseId' | 'lastVideoId'>): Set<number> {
    const last = prefs.lastVideoId ? this.rowOf.get(prefs.lastVideoId) : undefined;
    const rows = new Set<number>();
    if (prefs.uploadOrder) {
      const size = this.entries.length;
      const around = last ?? 0;
      for (let r = 0; r < Math.min(size, UPLOAD_ORDER_WINDOW); r++) rows.add(r);
      for (let r = Math.max(0, around - UPLOAD_ORDER_WINDOW); r < Math.min(size, around + UPLOAD_ORDER_WINDOW); r++) rows.add(r);
    } else {
      const course =
        courses.find((c) => c.id === prefs.lastCourseId) ??
        (last === undefined ? undefined : courses.find((c) => c.rows.includes(last))) ??
        courses[0];
      for (const r of course?.rows ?? []) rows.add(r);
    }
    if (last !== undefined) rows.add(last);
    const { linked } = this.#ensure();
    for (const r of [...rows]) if ((linked[r] ?? -1) >= 0) rows.add(linked[r]!);
    return rows;
  }
}
