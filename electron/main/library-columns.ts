// getLibrary's lecture columns. What comes from the catalog (ids, titles, indexes, dates,
// summaries, language pairs) is built once per course arrangement and reused; only the two
// things a student changes (watched marks and notes) are read from the store per answer.
// At 10,000 lectures that is two passes over plain arrays instead of 10,000 objects.
import { encodeCourses, FLAG, type CourseInfo, type LectureColumns, type LibraryCourse } from '../shared/contract';
import type { CatalogEntry } from '../shared/types';
import { hasSummary } from './catalog-cache';

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

  columns(marks: StudentMarks): LectureColumns {
    if (!this.#fixed) this.arranged(new Map());
    const { summaryFlags, ...fixed } = this.#fixed!;
    const { watched, notes } = marks;
    return {
      ...fixed,
      flags: this.entries.map(
        (x, r) => (summaryFlags[r] ?? 0) | (x.videoId in watched ? FLAG.watched : 0) | (x.videoId in notes ? FLAG.hasNote : 0),
      ),
      watchedAt: this.entries.map((x) => watched[x.videoId]?.at || 0),
    };
  }
}
