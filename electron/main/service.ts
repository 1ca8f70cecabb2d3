// The app's behaviour behind the contract, transport-agnostic: Electron's IPC and the
// loopback HTTP server both call this object after validating the payload with parseArgs.
// No Electron import: the host (opener, save dialog) is injected.
import { readFile } from 'node:fs/promises';
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
} from '../shared/contract';
import type { CatalogEntry, CatalogWarning, Corrections, Course } from '../shared/types';
import { thumbnailUrl, youtubeWatchUrl } from '../shared/links';
import { parseCatalogs } from './catalog/parse';
import { buildCourses, customCourseId } from './catalog/courses';
import { linkVersions } from './catalog/versions';
import { openStore, type Store } from './store/store';
import { LectureSearch, type SearchDoc } from './search/index';
import { plainText } from './search/snippet';
import { indexInWorker, type BackgroundIndex } from './search/background';
import { catalogKey, readCatalogCache, statSources, type Page } from './startup-cache';
import type { IndexJob } from './search/prepare';
import { appVersion } from './version';
import { deliverExport, planBackupExport, planNotesExport } from './export';
import { exportStamp } from './files';

/** What the service needs from its surroundings: Electron's shell and dialogs, or stand-ins. */
export interface Host {
  /** Open a URL that the service built and checked; never called with anything else. */
  openExternal(url: string): Promise<void>;
  /** Ask where to save; `directory` for one-file-per-lecture exports. Null when cancelled. */
  chooseSavePath(defaultName: string, kind: 'file' | 'directory'): Promise<string | null>;
  /** Write files the user chose a place for. */
  writeFiles(files: { path: string; content: string }[]): Promise<void>;
  /**
   * `download`: exports go back to the page, which hands them to the browser (browser mode:
   * nothing is written on the server's disk). `save`: chooseSavePath + writeFiles (desktop).
   */
  readonly exports: 'save' | 'download';
}



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
  private readonly searchIndex = new LectureSearch();
  private background: BackgroundIndex | null = null;
  private closed = false;
  /** How the search index was last made ('cache', 'build' in a worker, 'inline'); for tests and the bench. */
  searchSource: 'cache' | 'build' | 'inline' | null = null;
  /** Settles when the search index is ready (or given up on). */
  searchBuilt: Promise<void> = Promise.resolve();

  private constructor(
    private readonly entries: CatalogEntry[],
    private readonly warnings: CatalogWarning[],
    readonly store: Store,
    private readonly host: Host,
    private readonly indexJob: IndexJob,
    private readonly searchBuild: 'worker' | 'inline',
  ) {
    this.byId = new Map(entries.map((e) => [e.videoId, e]));
    this.reorder();
  }

  static async create(opts: ServiceOptions): Promise<Service> {
    const store = await openStore({ dataDir: opts.dataDir });
    const version = opts.appVersion ?? appVersion();
    // A warm start takes the parsed catalog from the cache without reading the pages (their
    // sizes and times are as recorded); otherwise read, key by content and parse.
    const cached = readCatalogCache(opts.dataDir, version, statSources(opts.catalogFiles));
    let parsed = cached?.result;
    let key = cached?.key ?? '';
    const missing: CatalogWarning[] = [];
    if (!parsed) {
      const pages: Page[] = [];
      for (const file of opts.catalogFiles) {
        try {
          pages.push({ text: await readFile(file, 'utf8'), file });
        } catch (e) {
          missing.push({ file, line: 0, message: `could not read the catalog: ${(e as Error).message}` });
        }
      }
      key = catalogKey(pages, version);
      parsed = parseCatalogs(pages);
    }
    const service = new Service(parsed.entries, [...missing, ...parsed.warnings], store, opts.host, {
      files: opts.catalogFiles, dataDir: opts.dataDir, key, appVersion: version, catalogMissing: !cached,
    }, opts.searchBuild ?? 'worker');
    // The search index is loaded or built off the request path; titles and notes are
    // searched by a scan meanwhile.
    service.searchBuilt = new Promise((ok) => setImmediate(() => void service.buildSearch().then(ok)));
    return service;
  }

  private searchDocs(): SearchDoc[] {
    const notes = this.store.data.notes;
    return this.entries.map((e) => ({ videoId: e.videoId, title: e.title, summary: e.summary, note: notes[e.videoId]?.text ?? '' }));
  }

  private async buildSearch(): Promise<void> {
    if (this.closed) return;
    if (this.searchBuild === 'worker') {
      const job = indexInWorker(this.indexJob);
      this.background = job;
      try {
        await this.searchIndex.useIndex(this.searchDocs(), job.index.then((r) => {
          this.searchSource = r.from;
          return r.index;
        }));
        return;
      } catch (e) {
        if (this.closed) return;
        process.stderr.write(`Lecture Companion: building the search index on the main thread (${(e as Error).message})\n`);
      } finally {
        this.background = null;
      }
    }
    // Current notes: edits made while the worker ran are in the store by now.
    await this.searchIndex.buildAsync(this.searchDocs());
    if (this.searchIndex.ready) this.searchSource = 'inline';
  }

  private reorder(): void {
    const { corrections, prefs } = this.store.data;
    this.courses = buildCourses(this.entries, { corrections, newestFirst: prefs.newestFirst });
    this.courseOf.clear();
    for (const c of this.courses) for (const id of c.lectures) this.courseOf.set(id, c);
    this.linked = linkVersions(this.entries, this.courses);
  }

  private entry(videoId: string): CatalogEntry {
    const e = this.byId.get(videoId);
    if (!e) throw new ApiError(`No lecture with video id ${videoId} in the catalog`, 'not-found');
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
      hasNote: e.videoId in d.notes,
      hasSummary: e.summary.trim() !== '',
      linkedVideoId: this.linked.get(e.videoId) ?? null,
    };
  }

  private courseInfo(c: Course): CourseInfo {
    return { id: c.id, title: c.title, kind: c.kind, category: c.category, group: c.group, lectures: c.lectures, corrected: c.id in this.store.data.corrections.titles || c.kind === 'custom' };
  }

  async getLibrary(): Promise<Library> {
    return {
      courses: this.courses.map((c) => this.courseInfo(c)),
      lectures: this.entries.map((e) => this.info(e)),
      warnings: this.warnings,
      prefs: this.store.data.prefs,
      store: this.store.status,
    };
  }

  async getLecture({ videoId }: ArgsOf<'getLecture'>): Promise<LectureDetail> {
    const e = this.entry(videoId);
    const note = this.store.data.notes[videoId] ?? null;
    return {
      ...this.info(e),
      courseTitle: this.courseOf.get(videoId)?.title ?? '',
      summary: e.summary,
      note: note && { text: note.text, updatedAt: note.updatedAt },
      thumbnailUrl: thumbnailUrl(videoId),
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
      throw new ApiError(`No course ${args.lastCourseId}`, 'not-found');
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
    this.searchIndex.upsert({ videoId, title: e.title, summary: e.summary, note: this.store.data.notes[videoId]?.text ?? '' });
    return r;
  }

  async listNotes(): Promise<NoteListItem[]> {
    const notes = this.store.data.notes;
    return Object.entries(notes)
      .filter(([id]) => this.byId.has(id))
      .sort((a, b) => b[1].updatedAt - a[1].updatedAt)
      .map(([videoId, n]) => {
        const course = this.courseOf.get(videoId);
        const flat = plainText(n.text).replace(/\s+/g, ' ').trim();
        return {
          videoId,
          title: this.byId.get(videoId)!.title,
          courseId: course?.id ?? 'other',
          courseTitle: course?.title ?? '',
          snippet: flat.length > 140 ? flat.slice(0, 140) + '…' : flat,
          updatedAt: n.updatedAt,
        };
      });
  }

  async search({ query, courseId, watched = 'any', hasNote, limit = 50 }: ArgsOf<'search'>) {
    const d = this.store.data;
    const filter = (id: string) =>
      (courseId === undefined || this.courseOf.get(id)?.id === courseId) &&
      (watched === 'any' || (id in d.watched) === (watched === 'watched')) &&
      (hasNote === undefined || (id in d.notes) === hasNote);
    const hits = this.searchIndex.search(query, { filter, limit });
    return {
      ready: this.searchIndex.ready,
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

  async moveLecture({ videoId, courseId, newCourseTitle }: ArgsOf<'moveLecture'>): Promise<Library> {
    this.entry(videoId);
    return this.correct((c) => {
      if (newCourseTitle !== undefined) {
        const id = customCourseId(newCourseTitle);
        c.titles[id] = newCourseTitle;
        c.moves[videoId] = id;
      } else {
        if (!this.courses.some((k) => k.id === courseId)) throw new ApiError(`No course ${courseId}`, 'not-found');
        c.moves[videoId] = courseId!;
      }
      return c;
    });
  }

  async renameCourse({ courseId, title }: ArgsOf<'renameCourse'>): Promise<Library> {
    if (!this.courses.some((k) => k.id === courseId)) throw new ApiError(`No course ${courseId}`, 'not-found');
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
      entry: this.byId.get(id) ?? { index: 0, date: null, title: `Lecture not in the loaded catalog (${id})`, videoId: id, summary: '', line: 0 },
      courseTitle: this.courseOf.get(id)?.title ?? '',
      note: notes[id]?.text ?? '',
    }));
    return deliverExport(this.host, planNotesExport(lectures, { scope, layout, stamp: exportStamp() }));
  }

  async exportBackup(): Promise<ExportResult> {
    return deliverExport(this.host, planBackupExport(this.store.exportBackup(), exportStamp()));
  }

  async importBackup({ content }: ArgsOf<'importBackup'>) {
    const before = this.store.data.notes;
    const report = await this.store.mergeBackup(content);
    this.afterDataReplaced(before);
    return { ...report, library: await this.getLibrary() };
  }

  async listBackups() {
    return this.store.listBackups();
  }

  async restoreBackup({ name }: ArgsOf<'restoreBackup'>): Promise<Library> {
    const before = this.store.data.notes;
    await this.store.restoreBackup(name);
    this.afterDataReplaced(before);
    return this.getLibrary();
  }

  /**
   * Notes and corrections were replaced wholesale: reorder, and re-index only the lectures
   * whose note changed (re-indexing all 10,000 summaries would stall every request for seconds).
   */
  private afterDataReplaced(notesBefore: Readonly<Record<string, { text: string }>>): void {
    this.reorder();
    const notes = this.store.data.notes;
    for (const e of this.entries) {
      const text = notes[e.videoId]?.text ?? '';
      if (text !== (notesBefore[e.videoId]?.text ?? '')) {
        this.searchIndex.upsert({ videoId: e.videoId, title: e.title, summary: e.summary, note: text });
      }
    }
  }

  /** The window's last size and position (Electron main only; not part of the page's API). */
  windowState() {
    return this.store.data.window;
  }

  saveWindowState(w: NonNullable<ReturnType<Service['windowState']>>): Promise<void> {
    return this.store.setWindow(w);
  }

  async flush(): Promise<void> {
    await this.store.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.background?.cancel();
    await this.store.close();
  }
}

/** The contract's functions bound to a service: exactly the methods the renderer may call. */
export function asApi(service: Service): Api {
  const call = service as unknown as Record<Method, (args: unknown) => Promise<unknown>>;
  return Object.fromEntries(METHODS.map((m) => [m, (args: unknown) => call[m].call(service, args)])) as unknown as Api;
}
