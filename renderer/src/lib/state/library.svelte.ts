// The app's view of the library: what is selected, what is shown, and the calls that
// change it. Components read from one instance and call its methods; none of them talk
// to the API for library data directly.
import {
  lectureTextSchema,
  librarySchema,
  type Api,
  type CourseInfo,
  type LectureDetail,
  type LectureInfo,
  type Library,
  type Prefs,
  type PrefsChange,
  type StoreStatus,
} from '../../../../electron/shared/contract';
import { nextUp, wrappedAround, type Progress } from '../../../../electron/shared/progress';
import { t } from '../i18n/locale.svelte';
import { courseName } from '../course-name';
import { afterPaint } from '../after-paint';
import { LibraryData } from './library-data.svelte';
import { RowPositions } from './row-positions';
import type { Toasts } from './toasts.svelte';

export type RevealAlign = 'nearest' | 'center' | 'start';
export type MoveTarget = { courseId: string } | { newCourseTitle: string };

export class LibraryState {
  // Raw: a new Library replaces it whole. Its lectures stay columns (library-data.svelte.ts): a
  // watched mark or a note changes one lecture and one course's count, never the library.
  library = $state.raw<Library | null>(null);
  /** The lectures and courses, looked up by video id; lectures are made live only when read. */
  byId = $state.raw<LibraryData>(LibraryData.empty());
  loadError = $state<string | null>(null);
  selectedCourseId = $state<string | null>(null);
  /** The highlighted row (keyboard cursor). */
  cursorId = $state<string | null>(null);
  /** The lecture shown in the detail pane. */
  openId = $state<string | null>(null);
  detail = $state.raw<LectureDetail | null>(null);
  detailError = $state<string | null>(null);
  detailLoading = $state(false);
  /** Bumped to ask the playlist to scroll a row into view. */
  reveal = $state.raw<{ id: string; seq: number; align: RevealAlign } | null>(null);

  /** Courses in the service's order (replaced by a reorder; their lectures as video ids). */
  courses = $state.raw<CourseInfo[]>([]);
  prefs = $derived<Prefs | null>(this.library?.prefs ?? null);
  uploadOrder = $derived(this.library?.prefs.uploadOrder ?? false);
  storeStatus = $derived<StoreStatus>(this.library?.store ?? { state: 'ok', message: null, quarantinePath: null });
  /** The data file is from a newer version: the service refuses every change, so the UI offers none. */
  readonly = $derived(this.library?.store.state === 'readonly');
  selectedCourse = $derived(this.courses.find((c) => c.id === this.selectedCourseId) ?? null);
  /** Each course's progress; a toggle moves one course's count only. */
  progressByCourse = $derived<ReadonlyMap<string, Progress>>(this.byId.progress);
  overall = $derived<Progress>({ watched: this.byId.watched, total: this.byId.size });
  /** How many lectures the library has. */
  total = $derived(this.byId.size);

  /** Leave watched lectures out of the playlist (the highlighted and the open one stay). */
  hideWatched = $state(false);

  /** What the playlist shows, as video ids: the course in course order, or every lecture by upload index. */
  rows = $derived.by<string[]>(() => {
    const data = this.byId;
    const ids = this.uploadOrder ? data.columns.ids : (this.selectedCourse?.lectures ?? []);
    if (!this.hideWatched) return ids;
    void data.version; // only a filtered list follows watched marks
    return ids.filter((id) => {
      const r = data.rowOf(id);
      return r === undefined || !data.isWatched(r) || id === this.cursorId || id === this.openId;
    });
  });
  /** Where each video id sits in `rows`. */
  rowIndex = $derived(new RowPositions(this.rows, this.byId, this.uploadOrder && !this.hideWatched));

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for stale replies, never rendered
  private watchSeq = new Map<string, number>();
  private revealSeq = 0;
  private detailSeq = 0;

  constructor(
    readonly api: Api,
    readonly toasts: Toasts,
  ) {}

  async load(): Promise<void> {
    try {
      const lib = await this.api.getLibrary({ firstScreen: true });
      this.loadError = null;
      this.#setLibrary(lib);
      // The first answer has the titles of the rows the page opens on; the rest follow once those are drawn.
      const data = this.byId;
      if (!data.textComplete)
        void afterPaint()
          .then(() => this.api.getLectureText({}))
          .then((text) => data.fillText(lectureTextSchema.parse(text)))
          .catch((e: unknown) => this.toasts.error(e, t('lib.textFailed')));
      const { lastCourseId, lastVideoId } = lib.prefs;
      const last = lastVideoId ? this.byId.get(lastVideoId) : undefined;
      const course =
        this.courses.find((c) => c.id === lastCourseId) ?? this.courses.find((c) => c.id === last?.courseId) ?? this.courses[0];
      this.selectedCourseId = course?.id ?? null;
      if (last) {
        this.cursorId = last.videoId;
        this.requestReveal(last.videoId);
        await this.loadDetail(last.videoId);
      } else {
        this.cursorId = this.rows[0] ?? null;
      }
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
    }
  }

  selectCourse(courseId: string): void {
    if (!this.courses.some((c) => c.id === courseId)) return;
    this.selectedCourseId = courseId;
    const course = this.selectedCourse;
    // Keep the cursor if it is in this course; otherwise start at the course's first lecture.
    if (!this.uploadOrder && !(this.cursorId && this.rowIndex.has(this.cursorId))) this.cursorId = this.rows[0] ?? null;
    if (this.uploadOrder && course?.lectures[0]) this.cursorId = course.lectures[0];
    if (this.cursorId) this.requestReveal(this.cursorId, 'start');
    this.savePrefs({ lastCourseId: courseId });
  }

  /** Move the cursor by `delta` rows (clamped), or to 'first'/'last'. */
  moveCursor(to: number | 'first' | 'last'): void {
    const n = this.rows.length;
    if (n === 0) return;
    const cur = this.cursorId !== null ? (this.rowIndex.get(this.cursorId) ?? -1) : -1;
    let i: number;
    if (to === 'first') i = 0;
    else if (to === 'last') i = n - 1;
    else i = cur < 0 ? (to > 0 ? 0 : n - 1) : Math.min(n - 1, Math.max(0, cur + to));
    const row = this.rows[i];
    if (!row) return;
    this.cursorId = row;
    this.requestReveal(this.cursorId);
  }

  async openLecture(videoId: string, opts: { reveal?: boolean } = {}): Promise<void> {
    const l = this.byId.get(videoId);
    if (!l) return;
    // The opened lecture's course is the one being studied (next up starts there), in
    // upload order too, where it only moves the sidebar's highlight.
    if (this.selectedCourseId !== l.courseId) this.selectedCourseId = l.courseId;
    this.cursorId = videoId;
    if (opts.reveal) this.requestReveal(videoId, 'center');
    this.savePrefs({ lastVideoId: videoId, lastCourseId: l.courseId });
    await this.loadDetail(videoId);
  }

  private async loadDetail(videoId: string): Promise<void> {
    const seq = ++this.detailSeq;
    this.openId = videoId;
    this.detailLoading = true;
    this.detailError = null;
    try {
      const d = await this.api.getLecture({ videoId });
      if (seq !== this.detailSeq) return; // a later selection won
      this.detail = d;
    } catch (e) {
      if (seq !== this.detailSeq) return;
      this.detail = null;
      this.detailError = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.detailSeq) this.detailLoading = false;
    }
  }

  /** Watching one version marks the other too (the linkedWatched setting), unless `linked` is false. */
  async setWatched(videoId: string, watched: boolean, { linked = true } = {}): Promise<void> {
    const other = linked && this.prefs?.linkedWatched ? this.byId.linkedOf(videoId) : undefined;
    await Promise.all([
      this.#writeWatched(videoId, watched),
      other && other.watched !== watched ? this.#writeWatched(other.videoId, watched) : null,
    ]);
  }

  /** Open the other-language version of the open lecture (the `v` key and the 中文版 / English version link). */
  openLinked(): string | null {
    const other = this.openId ? this.byId.linkedOf(this.openId) : undefined;
    if (other) void this.openLecture(other.videoId, { reveal: true });
    return other?.videoId ?? null;
  }

  /** Optimistic: progress moves at once; a failure rolls back and says why. */
  async #writeWatched(videoId: string, watched: boolean): Promise<void> {
    const lecture = this.byId.get(videoId);
    if (!lecture || this.refuseReadonly()) return;
    const before = lecture.watched; // the lecture is live: read its value before changing it
    const seq = (this.watchSeq.get(videoId) ?? 0) + 1;
    this.watchSeq.set(videoId, seq);
    this.byId.patch(videoId, { watched });
    try {
      const info = await this.api.setWatched({ videoId, watched });
      if (this.watchSeq.get(videoId) === seq) this.byId.patch(videoId, { watched: info.watched, watchedAt: info.watchedAt ?? null });
    } catch (e) {
      // Only the latest toggle decides; an older failure must not undo a newer click.
      if (this.watchSeq.get(videoId) === seq) this.byId.patch(videoId, { watched: before });
      this.toasts.error(e, t('lib.saveWatchedFailed'));
    }
  }

  toggleWatched(videoId: string): void {
    const l = this.byId.get(videoId);
    if (l) void this.setWatched(videoId, !l.watched);
  }

  /** The player's report came back: the service may have marked the lecture watched (it never unmarks). */
  watchedByPlayer(info: LectureInfo): void {
    if (info.watched) this.byId.patch(info.videoId, { watched: true });
  }

  /** An autosave landed: only a change of has-note touches anything. */
  noteSaved(videoId: string, hasNote: boolean): void {
    this.byId.patch(videoId, { hasNote });
  }

  /** Take a Library from the service: checked against the contract's schema, its columns kept as they are. */
  #setLibrary(wire: Library): void {
    this.library = librarySchema.parse(wire);
    this.byId = new LibraryData(this.library);
    this.courses = this.byId.courses;
  }

  /** The playlist's order (upload order) or the courses' (newest first, which the service answers with reordered). */
  async setOrder(change: { uploadOrder: boolean } | { newestFirst: boolean }): Promise<void> {
    try {
      this.applyPrefs(await this.api.setPrefs(change));
      if ('uploadOrder' in change && this.cursorId) this.requestReveal(this.cursorId, 'center');
    } catch (e) {
      this.toasts.error(e, 'uploadOrder' in change ? t('lib.orderFailed') : t('lib.courseOrderFailed'));
    }
  }

  /** Take changed prefs (and reordered courses) from the service; the lectures stay as they are. */
  applyPrefs({ prefs, courses }: PrefsChange): void {
    if (!this.library) return;
    this.library = { ...this.library, prefs, courses: courses ?? this.library.courses };
    if (courses) {
      this.byId.reorder(courses);
      this.courses = this.byId.courses;
    }
  }

  /** Take a new Library from the service and keep the selection meaningful. */
  applyLibrary(lib: Library): void {
    this.#setLibrary(lib);
    if (!this.selectedCourse) {
      const open = this.openId ? this.byId.get(this.openId) : undefined;
      this.selectedCourseId = (open && this.courses.find((c) => c.id === open.courseId)?.id) ?? this.courses[0]?.id ?? null;
    }
    if (this.cursorId && !this.byId.has(this.cursorId)) this.cursorId = null;
    if (this.openId) {
      if (this.byId.has(this.openId)) void this.loadDetail(this.openId);
      else {
        this.openId = null;
        this.detail = null;
      }
    }
  }

  /** Select the next unwatched lecture; null (with a message) when all are watched. */
  goNextUp(): string | null {
    if (!this.library) return null;
    const from = this.selectedCourseId ?? (this.openId ? (this.byId.get(this.openId)?.courseId ?? null) : null);
    const id = nextUp(this, from, this.byId);
    if (!id) {
      this.toasts.push(this.total === 0 ? t('lib.nothingLoaded') : t('lib.allWatched'), 'info');
      return null;
    }
    if (wrappedAround(this, from, id)) {
      // The student chose in Settings whether the end of the last course stops here or wraps.
      if (this.library.prefs.afterLast === 'stop') {
        this.toasts.push(t('lib.stopped'), 'info');
        return null;
      }
      const back = this.courses.find((c) => c.lectures.includes(id));
      this.toasts.push(t('lib.wrapped', { course: back ? courseName(back) : '' }), 'info');
    }
    void this.openLecture(id, { reveal: true });
    return id;
  }

  /** True (after saying why) when the data is read-only and a change must not be tried. */
  refuseReadonly(): boolean {
    if (this.readonly) this.toasts.push(t('lib.readonly'));
    return this.readonly;
  }

  requestReveal(id: string, align: RevealAlign = 'nearest'): void {
    this.reveal = { id, seq: ++this.revealSeq, align };
  }

  private savePrefs(p: { lastVideoId?: string; lastCourseId?: string }): void {
    // Remembering the selection is best effort: a read-only store is already announced by the banner.
    this.api.setPrefs(p).catch(() => {});
  }
}
