// The app's behaviour behind the contract, transport-agnostic: Electron's IPC and the
// loopback HTTP server both call this object after validating the payload with parseArgs.
// No Electron import: the host (opener, save dialog) is injected.
import {
  ApiError,
  METHODS,
  type Method,
  type Api,
  type ArgsOf,
  type ExportResult,
  type LectureDetail,
  type LectureInfo,
  type LectureText,
  type Library,
  type NoteListItem,
  type PrefsChange,
  type SearchResponse,
  type WatchHistory,
} from '../shared/contract';
import type { CatalogEntry, CatalogWarning, Corrections, Course } from '../shared/types';
import { thumbnailUrl, youtubeWatchUrl } from '../shared/links';
import { loadCatalog } from './catalog/load';
import { customCourseId } from './catalog/courses';
import { applyMove, revertMove, undoHolds, type MoveUndo } from './move-undo';
import { Arrangement, courseInfo } from './arrangement';
import { openStore, type Store } from './store/store';
import { searchDocs, SearchIndexing } from './search/indexing';
import { listNotes, notesToExport } from './notes-list';
import { LectureColumnsCache } from './library-columns';
import type { IndexJob } from './search/prepare';
import { appVersion } from './version';
import { deliverExport, planBackupExport, planNotesExport } from './export';
import { exportStamp } from './files';
import type { Host } from './host';
import { autoMarkDue } from '../shared/playback';

export interface ServiceOptions {
  catalogFiles: string[];
  dataDir: string;
  host: Host;
  /** Part of the start-up cache's key; default: package.json's version. */
  appVersion?: string;
  /** Where a cold search index is built: a worker thread (default), or in chunks here (`inline`, when a worker cannot start). */
  searchBuild?: 'worker' | 'inline';
}

type Methods = { [M in keyof Api]: (args: ArgsOf<M>) => ReturnType<Api[M]> };

export class Service implements Methods {
  /** The last move, until undone or another correction makes it stale (move-undo.ts). */
  private lastMove: MoveUndo | null = null;
  private readonly arranged: Arrangement;
  /** videoId → its course (the arrangement's map, updated in place). */
  private readonly courseOf: ReadonlyMap<string, Course>;
  private readonly byId: Map<string, CatalogEntry>;
  private readonly columns: LectureColumnsCache;
  private readonly indexing: SearchIndexing;
  /** How the search index was last made ('cache', 'build' in a worker, 'inline'); for tests and the bench. */
  get searchSource() {
    return this.indexing.source;
  }
  /** Settles when the search index is ready (or given up on). */
  get searchBuilt() {
    return this.indexing.built;
  }

  private constructor(
    private readonly entries: CatalogEntry[],
    private readonly warnings: CatalogWarning[],
    readonly store: Store,
    private readonly host: Host,
    indexJob: IndexJob,
    searchBuild: 'worker' | 'inline',
  ) {
    this.byId = new Map(entries.map((e) => [e.videoId, e]));
    this.columns = new LectureColumnsCache(entries);
    this.arranged = new Arrangement(entries, indexJob.dataDir === null ? null : { dataDir: indexJob.dataDir, catalogKey: indexJob.key });
    this.courseOf = this.arranged.courseOf;
    this.reorder();
    this.indexing = new SearchIndexing(indexJob, searchBuild, () => searchDocs(this.entries, this.store.data.notes));
  }

  static async create(opts: ServiceOptions): Promise<Service> {
    const store = await openStore({ dataDir: opts.dataDir });
    const version = opts.appVersion ?? appVersion();
    const catalog = await loadCatalog(opts.catalogFiles, opts.dataDir, version);
    const job: IndexJob = {
      files: opts.catalogFiles,
      dataDir: opts.dataDir,
      key: catalog.key,
      appVersion: version,
      catalogMissing: !catalog.cached,
    };
    const service = new Service(catalog.entries, catalog.warnings, store, opts.host, job, opts.searchBuild ?? 'worker');
    // The search index is loaded or built off the request path; titles and notes are
    // searched by a scan meanwhile.
    service.indexing.start();
    return service;
  }

  private reorder(): void {
    this.arranged.arrange(this.store.data.corrections, this.store.data.prefs.newestFirst);
    this.columns.arranged(this.arranged.linked);
  }

  private entry(videoId: string): CatalogEntry {
    const e = this.byId.get(videoId);
    if (!e)
      throw new ApiError(`No lecture with video id ${videoId} in the catalog`, 'not-found', {
        key: 'lectureNotFound',
        params: { videoId },
      });
    return e;
  }

  private info(e: CatalogEntry): LectureInfo {
    return this.arranged.info(e, this.store.data);
  }

  /** The courses in their order, as the contract's columns (row numbers into the lecture columns). */
  private courseList(): Library['courses'] {
    return this.columns.courses(this.arranged.courses.map((c) => courseInfo(c, this.store.data.corrections)));
  }

  async getLibrary({ firstScreen }: ArgsOf<'getLibrary'> = {}): Promise<Library> {
    void this.indexing.begin(); // the first screen is served: the search index may start (after this answer is sent)
    const courses = this.courseList();
    const rows = firstScreen ? this.columns.firstScreenRows(courses, this.store.data.prefs) : undefined;
    return {
      courses,
      lectures: this.columns.columns(this.store.data, rows),
      ...(rows && { firstScreen: true as const }),
      warnings: this.warnings,
      prefs: this.store.data.prefs,
      store: this.store.status,
      dataDir: this.store.dataDir,
    };
  }

  async getLectureText(): Promise<LectureText> {
    return this.columns.text();
  }

  async getLecture({ videoId }: ArgsOf<'getLecture'>): Promise<LectureDetail> {
    const e = this.entry(videoId);
    const note = this.store.data.notes[videoId] ?? null;
    const played = Object.hasOwn(this.store.data.playback, videoId) ? this.store.data.playback[videoId] : undefined;
    return {
      ...this.info(e),
      courseTitle: this.courseOf.get(videoId)?.title ?? '',
      summary: e.summary,
      note: note && { text: note.text, updatedAt: note.updatedAt },
      thumbnailUrl: thumbnailUrl(videoId),
      playback: played ? { position: played.position, duration: played.duration } : null,
    };
  }

  async setWatched({ videoId, watched }: ArgsOf<'setWatched'>): Promise<LectureInfo> {
    const e = this.entry(videoId);
    await this.store.setWatched(videoId, watched);
    return this.info(e);
  }

  async openVideo({ videoId, seconds }: ArgsOf<'openVideo'>): Promise<{ url: string }> {
    this.entry(videoId);
    // The URL is built here from a known id, never taken from the renderer.
    const url = youtubeWatchUrl(videoId, seconds);
    await this.host.openExternal(url);
    return { url };
  }

  async setPrefs(args: ArgsOf<'setPrefs'>): Promise<PrefsChange> {
    if (args.lastVideoId) this.entry(args.lastVideoId);
    if (args.lastCourseId) this.arranged.mustHave(args.lastCourseId);
    const before = this.store.data.prefs.newestFirst;
    const prefs = await this.store.setPrefs(args);
    if (prefs.newestFirst === before) return { prefs };
    this.reorder();
    return { prefs, courses: this.courseList() };
  }

  async saveNote({ videoId, text }: ArgsOf<'saveNote'>): Promise<{ updatedAt: number }> {
    const e = this.entry(videoId);
    const r = await this.store.saveNote(videoId, text);
    this.indexing.update(e, this.store.data.notes[videoId]?.text ?? '');
    return r;
  }

  async savePlayback({ videoId, position, duration, played }: ArgsOf<'savePlayback'>): Promise<LectureInfo> {
    const e = this.entry(videoId);
    await this.store.savePlayback(videoId, position, duration, played);
    const d = this.store.data;
    const due = autoMarkDue({
      position,
      duration,
      share: d.prefs.autoMarkShare,
      watched: Object.hasOwn(d.watched, videoId),
      unwatchedByStudent: Object.hasOwn(d.unwatched, videoId),
    });
    if (due) await this.store.setWatched(videoId, true);
    return this.info(e);
  }

  async getWatchHistory(): Promise<WatchHistory> {
    return structuredClone(this.store.data.watchTime);
  }

  async listNotes(): Promise<NoteListItem[]> {
    return listNotes(this.store.data.notes, this.byId, this.courseOf);
  }

  async search(args: ArgsOf<'search'>): Promise<SearchResponse> {
    const { watched, notes } = this.store.data;
    return this.indexing.answer(args, { courseOf: this.courseOf, byId: this.byId, watched, notes });
  }

  private async correct(change: (c: Corrections) => Corrections): Promise<Library> {
    this.lastMove = null;
    await this.store.setCorrections(change(structuredClone(this.store.data.corrections)));
    this.reorder();
    return this.getLibrary();
  }

  async moveLecture({ videoId, ...target }: ArgsOf<'moveLecture'>): Promise<Library> {
    return this.moveLectures({ videoIds: [videoId], ...target });
  }

  async moveLectures({ videoIds, courseId, newCourseTitle }: ArgsOf<'moveLectures'>): Promise<Library> {
    for (const id of videoIds) this.entry(id);
    if (newCourseTitle === undefined) this.arranged.mustHave(courseId ?? '');
    const target = newCourseTitle === undefined ? courseId! : customCourseId(newCourseTitle);
    // One correction, one write: a failed save leaves every lecture where it was.
    let undo: Omit<MoveUndo, 'after'> | undefined;
    const library = await this.correct((c) => ((undo = applyMove(c, videoIds, target, newCourseTitle)), c));
    this.lastMove = { ...undo!, after: JSON.stringify(this.store.data.corrections) };
    return library;
  }

  /** Puts the lectures of the last move back where they were (courses, names and so order). */
  async undoMoveLectures(): Promise<Library> {
    const last = this.lastMove;
    if (!last || !undoHolds(last, this.store.data.corrections))
      throw new ApiError('There is no move to undo', 'not-found', { key: 'noMoveToUndo' });
    return this.correct((c) => revertMove(c, last));
  }

  async renameCourse({ courseId, title }: ArgsOf<'renameCourse'>): Promise<Library> {
    this.arranged.mustHave(courseId);
    return this.correct((c) => ({ ...c, titles: { ...c.titles, [courseId]: title } }));
  }

  async resetCorrections(): Promise<Library> {
    return this.correct(() => ({ moves: {}, titles: {} }));
  }

  async exportNotes({ scope, videoId, layout }: ArgsOf<'exportNotes'>): Promise<ExportResult> {
    const ids = scope === 'one' ? [this.entry(videoId!).videoId] : 'all';
    const lectures = notesToExport(this.store.data.notes, ids, this.byId, this.courseOf);
    return deliverExport(this.host, planNotesExport(lectures, { scope, layout, stamp: exportStamp() }));
  }

  async exportBackup(): Promise<ExportResult> {
    return deliverExport(this.host, planBackupExport(this.store.exportBackup(), exportStamp()));
  }

  async importBackup({ content }: ArgsOf<'importBackup'>) {
    const report = await this.replacing(() => this.store.mergeBackup(content));
    return { ...report, library: await this.getLibrary() };
  }

  async listBackups() {
    return this.store.listBackups();
  }

  async restoreBackup({ name }: ArgsOf<'restoreBackup'>): Promise<Library> {
    await this.replacing(() => this.store.restoreBackup(name));
    return this.getLibrary();
  }

  /** Data replaced wholesale (merge, restore): reorder only if the corrections changed (seconds at 10k), re-index changed notes. */
  private async replacing<T>(replace: () => Promise<T>): Promise<T> {
    const order = () => JSON.stringify([this.store.data.corrections, this.store.data.prefs.newestFirst]);
    const [notes, before] = [this.store.data.notes, order()];
    const result = await replace();
    if (order() !== before) this.reorder();
    await this.indexing.updateChanged(this.entries, notes, () => this.store.data.notes);
    return result;
  }

  async close(): Promise<void> {
    this.indexing.close();
    await this.store.close();
  }
}

/** The contract's functions bound to a service: exactly the methods the renderer may call. */
export function asApi(service: Service): Api {
  const call = service as unknown as Record<Method, (args: unknown) => Promise<unknown>>;
  return Object.fromEntries(METHODS.map((m) => [m, (args: unknown) => call[m].call(service, args)])) as unknown as Api;
}
