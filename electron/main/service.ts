// The app's behaviour behind the contract, transport-agnostic: Electron's IPC and the
// loopback HTTP server both call this object after validating the payload with parseArgs.
// No Electron import: the host (opener, save dialog) is injected.
import {
  ApiError,
  METHODS,
  VIDEO_ID,
  type Method,
  type Api,
  type ArgsOf,
  type CourseInfo,
  type ExportResult,
  type LectureDetail,
  type LectureInfo,
  type Library,
  type NoteListItem,
  type PrefsChange,
  type WatchHistory,
} from '../shared/contract';
import type { CatalogEntry, CatalogWarning, Corrections, Course } from '../shared/types';
import { thumbnailUrl, youtubeWatchUrl } from '../shared/links';
import { loadCatalog } from './catalog/load';
import { customCourseId } from './catalog/courses';
import { arrangeCourses } from './course-cache';
import { openStore, type Store } from './store/store';
import type { SearchDoc } from './search/index';
import { SearchIndexing } from './search/indexing';
import { listNotes } from './notes-list';
import type { IndexJob } from './search/prepare';
import { appVersion } from './version';
import { deliverExport, planBackupExport, planNotesExport } from './export';
import { exportStamp } from './files';
import type { Host } from './host';
import { autoMarkDue } from '../shared/playback';
import { performance } from 'node:perf_hooks';

const INDEX_SLICE_MS = 5; // re-indexing per turn of the event loop after an import or restore

export interface ServiceOptions {
  catalogFiles: string[];
  dataDir: string;
  host: Host;
  /** Part of the start-up cache's key; default: package.json's version. */
  appVersion?: string;
  /**
   * Where a cold search index is built: a worker thread (default), or in chunks on this
   * thread (`inline`, the fallback when a worker cannot start).
   */
  searchBuild?: 'worker' | 'inline';
}

type Methods = { [M in keyof Api]: (args: ArgsOf<M>) => ReturnType<Api[M]> };

export class Service implements Methods {
  private courses: Course[] = [];
  private courseOf = new Map<string, Course>();
  /** videoId → the same lecture in the other language (catalog/versions.ts). */
  private linked = new Map<string, string>();
  private readonly byId: Map<string, CatalogEntry>;
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
    private readonly indexJob: IndexJob,
    searchBuild: 'worker' | 'inline',
  ) {
    this.byId = new Map(entries.map((e) => [e.videoId, e]));
    this.reorder();
    this.indexing = new SearchIndexing(indexJob, searchBuild, () => this.searchDocs());
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

  private searchDocs(): SearchDoc[] {
    const notes = this.store.data.notes;
    return this.entries.map((e) => ({ videoId: e.videoId, title: e.title, summary: e.summary, note: notes[e.videoId]?.text ?? '' }));
  }

  private reorder(): void {
    const { corrections, prefs } = this.store.data;
    const at = this.indexJob.dataDir === null ? null : { dataDir: this.indexJob.dataDir, catalogKey: this.indexJob.key };
    ({ courses: this.courses, linked: this.linked } = arrangeCourses(this.entries, { corrections, newestFirst: prefs.newestFirst }, at));
    this.courseOf.clear();
    for (const c of this.courses) for (const id of c.lectures) this.courseOf.set(id, c);
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
    const d = this.store.data;
    return {
      videoId: e.videoId,
      index: e.index,
      date: e.date,
      title: e.title,
      courseId: this.courseOf.get(e.videoId)?.id ?? 'other',
      watched: e.videoId in d.watched,
      watchedAt: d.watched[e.videoId]?.at || null,
      hasNote: e.videoId in d.notes,
      hasSummary: e.summary.trim() !== '',
      linkedVideoId: this.linked.get(e.videoId) ?? null,
    };
  }

  private courseInfo(c: Course): CourseInfo {
    return {
      id: c.id,
      title: c.title,
      kind: c.kind,
      category: c.category,
      group: c.group,
      lectures: c.lectures,
      corrected: c.id in this.store.data.corrections.titles || c.kind === 'custom',
    };
  }

  async getLibrary(): Promise<Library> {
    return {
      courses: this.courses.map((c) => this.courseInfo(c)),
      lectures: this.entries.map((e) => this.info(e)),
      warnings: this.warnings,
      prefs: this.store.data.prefs,
      store: this.store.status,
      dataDir: this.store.dataDir,
    };
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
    if (args.lastCourseId && !this.courses.some((c) => c.id === args.lastCourseId)) {
      throw new ApiError(`No course ${args.lastCourseId}`, 'not-found', { key: 'courseNotFound', params: { courseId: args.lastCourseId } });
    }
    const before = this.store.data.prefs.newestFirst;
    const prefs = await this.store.setPrefs(args);
    if (prefs.newestFirst === before) return { prefs };
    this.reorder();
    return { prefs, courses: this.courses.map((c) => this.courseInfo(c)) };
  }

  async saveNote({ videoId, text }: ArgsOf<'saveNote'>): Promise<{ updatedAt: number }> {
    const e = this.entry(videoId);
    const r = await this.store.saveNote(videoId, text);
    this.indexing.index.upsert({ videoId, title: e.title, summary: e.summary, note: this.store.data.notes[videoId]?.text ?? '' });
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

  async search({ query, courseId, watched = 'any', hasNote, limit = 50 }: ArgsOf<'search'>) {
    const d = this.store.data;
    const filter = (id: string) =>
      (courseId === undefined || this.courseOf.get(id)?.id === courseId) &&
      (watched === 'any' || id in d.watched === (watched === 'watched')) &&
      (hasNote === undefined || id in d.notes === hasNote);
    const hits = this.indexing.index.search(query, { filter, limit });
    return {
      ready: this.indexing.index.ready,
      hits: hits.map((h) => {
        const c = this.courseOf.get(h.videoId);
        return { ...h, title: this.byId.get(h.videoId)?.title ?? '', courseId: c?.id ?? 'other', courseTitle: c?.title ?? '' };
      }),
    };
  }

  private async correct(change: (c: Corrections) => Corrections): Promise<Library> {
    await this.store.setCorrections(change(structuredClone(this.store.data.corrections)));
    this.reorder();
    return this.getLibrary();
  }

  async moveLecture({ videoId, ...target }: ArgsOf<'moveLecture'>): Promise<Library> {
    return this.moveLectures({ videoIds: [videoId], ...target });
  }

  async moveLectures({ videoIds, courseId, newCourseTitle }: ArgsOf<'moveLectures'>): Promise<Library> {
    for (const id of videoIds) this.entry(id);
    if (newCourseTitle === undefined && !this.courses.some((k) => k.id === courseId))
      throw new ApiError(`No course ${courseId}`, 'not-found', { key: 'courseNotFound', params: { courseId: courseId ?? '' } });
    const target = newCourseTitle === undefined ? courseId! : customCourseId(newCourseTitle);
    // One correction, one write: a failed save leaves every lecture where it was.
    return this.correct((c) => {
      if (newCourseTitle !== undefined) c.titles[target] = newCourseTitle;
      for (const id of videoIds) c.moves[id] = target;
      return c;
    });
  }

  async renameCourse({ courseId, title }: ArgsOf<'renameCourse'>): Promise<Library> {
    if (!this.courses.some((k) => k.id === courseId))
      throw new ApiError(`No course ${courseId}`, 'not-found', { key: 'courseNotFound', params: { courseId } });
    return this.correct((c) => ({ ...c, titles: { ...c.titles, [courseId]: title } }));
  }

  async resetCorrections(): Promise<Library> {
    return this.correct(() => ({ moves: {}, titles: {} }));
  }

  async exportNotes({ scope, videoId, layout }: ArgsOf<'exportNotes'>): Promise<ExportResult> {
    const notes = this.store.data.notes;
    // Export-all includes notes on lectures the loaded catalog lacks: they are still the student's.
    const ids =
      scope === 'one'
        ? [this.entry(videoId!).videoId]
        : // A key that is not a video id (from a backup imported before imports were checked)
          // has no lecture or link to export under: left out rather than failing the export.
          Object.entries(notes)
            .filter(([id]) => VIDEO_ID.test(id))
            .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
            .map(([id]) => id);
    const lectures = ids.map((id) => ({
      entry: this.byId.get(id) ?? {
        index: 0,
        date: null,
        title: `Lecture not in the loaded catalog (${id})`,
        videoId: id,
        summary: '',
        line: 0,
      },
      courseTitle: this.courseOf.get(id)?.title ?? '',
      note: notes[id]?.text ?? '',
    }));
    return deliverExport(this.host, planNotesExport(lectures, { scope, layout, stamp: exportStamp() }));
  }

  async exportBackup(): Promise<ExportResult> {
    return deliverExport(this.host, planBackupExport(this.store.exportBackup(), exportStamp()));
  }

  async importBackup({ content }: ArgsOf<'importBackup'>) {
    const before = this.beforeReplace();
    const report = await this.store.mergeBackup(content);
    await this.afterDataReplaced(before);
    return { ...report, library: await this.getLibrary() };
  }

  async listBackups() {
    return this.store.listBackups();
  }

  async restoreBackup({ name }: ArgsOf<'restoreBackup'>): Promise<Library> {
    const before = this.beforeReplace();
    await this.store.restoreBackup(name);
    await this.afterDataReplaced(before);
    return this.getLibrary();
  }

  private beforeReplace() {
    const { notes, corrections, prefs } = this.store.data;
    return { notes, corrections: JSON.stringify(corrections), newestFirst: prefs.newestFirst };
  }

  /**
   * Data replaced wholesale: reorder only if the corrections changed (seconds for 10,000
   * lectures), and re-index the changed notes (all of them after a large import) a slice
   * at a time, so requests are answered in between.
   */
  private async afterDataReplaced(before: ReturnType<Service['beforeReplace']>): Promise<void> {
    const { corrections, prefs } = this.store.data;
    if (JSON.stringify(corrections) !== before.corrections || prefs.newestFirst !== before.newestFirst) this.reorder();
    let until = performance.now() + INDEX_SLICE_MS;
    for (const e of this.entries) {
      const text = this.store.data.notes[e.videoId]?.text ?? '';
      if (text === (before.notes[e.videoId]?.text ?? '')) continue;
      this.indexing.index.upsert({ videoId: e.videoId, title: e.title, summary: e.summary, note: text });
      if (performance.now() >= until) {
        await new Promise((r) => setImmediate(r));
        until = performance.now() + INDEX_SLICE_MS;
      }
    }
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
