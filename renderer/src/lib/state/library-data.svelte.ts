// The library as the page holds it: the service's columns kept as they came, with no object
// per lecture. A LiveLecture is made only when something reads that lecture (the rows in
// view, the open one, a dialog), so opening costs about the same at 50 or 10,000 lectures.
// Changes (a watched toggle, an autosave) go through `patch`, which touches the one lecture,
// its course's count and a version counter that only whole-library readers follow.
import {
  courseIdsByRow,
  decodeCourse,
  FLAG,
  type CourseInfo,
  type LectureColumns,
  type LectureInfo,
  type LectureText,
  type Library,
  type LibraryCourse,
  type Prefs,
} from '../../../../electron/shared/contract';
import type { Progress } from '../../../../electron/shared/progress';

export type LecturePatch = Partial<Pick<LectureInfo, 'watched' | 'hasNote' | 'watchedAt'>>;

/** One row of the columns as a LectureInfo; what can change is state, so only readers of this lecture re-run. */
export class LiveLecture implements LectureInfo {
  watched = $state(false);
  hasNote = $state(false);
  watchedAt = $state<number | null>(null);

  constructor(
    private readonly data: LibraryData,
    readonly row: number,
  ) {
    const c = data.columns;
    const flags = c.flags[row] ?? 0;
    this.watched = (flags & FLAG.watched) !== 0;
    this.hasNote = (flags & FLAG.hasNote) !== 0;
    this.watchedAt = c.watchedAt[row] || null;
  }
  get videoId(): string {
    return this.data.columns.ids[this.row]!;
  }
  get index(): number {
    return this.data.columns.indexes[this.row]!;
  }
  get date(): string | null {
    return this.data.text.dates[this.row] || null;
  }
  get title(): string {
    return this.data.text.titles[this.row] ?? '';
  }
  get courseId(): string {
    return this.data.courseIdAt(this.row);
  }
  get hasSummary(): boolean {
    return ((this.data.columns.flags[this.row] ?? 0) & FLAG.hasSummary) !== 0;
  }
  get linkedVideoId(): string | null {
    const r = this.data.columns.linked[this.row] ?? -1;
    return r >= 0 ? this.data.columns.ids[r]! : null;
  }
}

/** A course's progress; its count is state, moved by each change of one of its lectures. */
class CourseProgress implements Progress {
  watched: number;
  constructor(
    readonly total: number,
    watched: number,
  ) {
    // Made with its count, not set after: ~600 courses at 10,000 lectures, and each set of a
    // new state inside the page's first effect cost Svelte's bookkeeping.
    this.watched = $state(watched);
  }
}

export class LibraryData {
  readonly columns: LectureColumns;
  readonly size: number;
  /** Courses in the service's order, their lectures as video ids (the strings of the ids column). */
  courses: CourseInfo[] = [];
  /** Each course's progress by course id; kept across a reorder. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- filled once here; each entry's count is state
  readonly progress = new Map<string, Progress>();
  /**
   * Titles and dates: the first answer's (only the rows the page opens on) until fillText
   * brings every row's; state, so rows drawn before then show theirs when it comes.
   */
  text = $state.raw<LectureText>({ titles: [], dates: [] });
  /** False until every row has its title and date (Library.firstScreen). */
  textComplete = $state(true);
  /** Watched lectures overall. */
  watched = $state(0);
  /** Bumped by every change of a watched mark: followed only by readers of every lecture (hide watched, statistics). */
  version = $state(0);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- filled once here, never changed
  readonly #rowOf = new Map<string, number>();
  readonly #courseIds: string[];
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of objects, never rendered itself
  readonly #live = new Map<number, LiveLecture>();

  /** Before the first answer: no lectures and no courses. */
  static empty(): LibraryData {
    const lectures = { ids: [], titles: [], indexes: [], dates: [], flags: [], watchedAt: [], linked: [] };
    return new LibraryData({
      courses: [],
      lectures,
      warnings: [],
      prefs: {} as Prefs,
      store: { state: 'ok', message: null, quarantinePath: null },
    });
  }

  constructor(lib: Library) {
    const c = (this.columns = lib.lectures);
    this.size = c.ids.length;
    this.text = { titles: c.titles, dates: c.dates };
    this.textComplete = !lib.firstScreen;
    for (let r = 0; r < this.size; r++) this.#rowOf.set(c.ids[r]!, r);
    this.#courseIds = courseIdsByRow(lib.courses, this.size);
    let watched = 0;
    for (const f of c.flags) if (f & FLAG.watched) watched++;
    this.watched = watched;
    for (const course of lib.courses) {
      let n = 0;
      for (const r of course.rows) if ((c.flags[r] ?? 0) & FLAG.watched) n++;
      this.progress.set(course.id, new CourseProgress(course.rows.length, n));
    }
    this.reorder(lib.courses);
  }

  /** Every row's title and date (getLectureText), for a library that opened with the first screen's. */
  fillText(text: LectureText): void {
    if (text.titles.length !== this.size) throw new Error(`${text.titles.length} titles for ${this.size} lectures`);
    this.text = text;
    Object.assign(this.columns, text);
    this.textComplete = true;
  }

  /** Take the courses in a new order (the lectures and their courses are unchanged). */
  reorder(courses: readonly LibraryCourse[]): void {
    this.courses = courses.map((course) => decodeCourse(course, this.columns.ids));
  }

  has(videoId: string): boolean {
    return this.#rowOf.has(videoId);
  }

  /** The lecture, made live on first read. */
  get(videoId: string): LiveLecture | undefined {
    const r = this.#rowOf.get(videoId);
    return r === undefined ? undefined : this.at(r);
  }

  at(row: number): LiveLecture {
    let l = this.#live.get(row);
    if (!l) {
      // Made in a root of its own: state made while an effect or derived runs is not tracked by
      // that same run, so the row that first reads a lecture would miss its later changes.
      const made = $effect.root(() => void (l = new LiveLecture(this, row)));
      made();
      this.#live.set(row, l!);
    }
    return l!;
  }

  /** The other-language version of a lecture, when the catalog pairs one with it. */
  linkedOf(videoId: string): LiveLecture | undefined {
    const r = this.#rowOf.get(videoId);
    const other = r === undefined ? -1 : (this.columns.linked[r] ?? -1);
    return other >= 0 ? this.at(other) : undefined;
  }

  rowOf(videoId: string): number | undefined {
    return this.#rowOf.get(videoId);
  }

  courseIdAt(row: number): string {
    return this.#courseIds[row] ?? 'other';
  }

  /** Watched, read from the columns: no state is made or followed (callers follow `version`). */
  isWatched(row: number): boolean {
    return ((this.columns.flags[row] ?? 0) & FLAG.watched) !== 0;
  }

  /** When each watched lecture was marked (0 when unknown), for the statistics. */
  watchedTimes(): number[] {
    void this.version;
    return this.columns.watchedAt.filter((_, r) => this.isWatched(r));
  }

  /** Change one lecture; a value that is already so changes nothing. */
  patch(videoId: string, patch: LecturePatch): void {
    const r = this.#rowOf.get(videoId);
    if (r === undefined) return;
    const c = this.columns;
    const flags = c.flags[r] ?? 0;
    const live = this.#live.get(r);
    if (patch.hasNote !== undefined && patch.hasNote !== ((flags & FLAG.hasNote) !== 0)) {
      c.flags[r] = flags ^ FLAG.hasNote;
      if (live) live.hasNote = patch.hasNote;
    }
    let at = patch.watchedAt;
    if (patch.watched !== undefined && patch.watched !== this.isWatched(r)) {
      c.flags[r] = (c.flags[r] ?? 0) ^ FLAG.watched;
      const step = patch.watched ? 1 : -1;
      this.watched += step;
      const course = this.progress.get(this.courseIdAt(r));
      if (course) course.watched += step;
      if (live) live.watched = patch.watched;
      // Optimistic until the service answers with the time it stored.
      at ??= patch.watched ? Date.now() : null;
      this.version++;
    }
    if (at !== undefined && (at ?? 0) !== c.watchedAt[r]) {
      c.watchedAt[r] = at ?? 0;
      if (live) live.watchedAt = at;
      this.version++;
    }
  }
}
