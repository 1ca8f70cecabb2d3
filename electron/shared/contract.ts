// The one typed contract between the renderer and the app's behaviour.
// Every method takes exactly one argument object, validated here with zod at the
// boundary (IPC in Electron, HTTP on the loopback transport); results are typed only.
// Imports nothing from electron, node or the DOM.
import { z } from 'zod';
import { AFTER_LAST, prefsSchema, THEMES, UI_LANGUAGES, type Prefs, type Theme, type UiLanguage } from './prefs';
import type { LectureInfo, LectureText, Library, LibraryCourse } from './library';
import { ApiError, MAX_BACKUP_CHARS, MAX_BULK_LECTURES, MAX_NOTE_CHARS, METHOD_NAMES, VIDEO_ID, type MethodName } from './wire';

export { ApiError, VIDEO_ID, MAX_NOTE_CHARS, MAX_BACKUP_CHARS, MAX_BULK_LECTURES };
// The library's wire shape (columns) has its own module; it is part of this one contract.
export * from './library';

const videoId = z.string().regex(VIDEO_ID, 'not a video id');
const courseId = z.string().min(1).max(200);
const empty = z.object({}).strict();

export type { Prefs, UiLanguage, Theme };
export { UI_LANGUAGES, THEMES, AFTER_LAST };

/** A file the page hands to the browser as a download (browser mode has no save dialog). */
export interface Download {
  name: string;
  content: string;
  type: 'text/markdown' | 'application/json';
}

/** Where an export went: files written on disk (desktop), or downloads for the page (browser). */
export interface ExportResult {
  saved: string[];
  downloads: Download[];
}

export interface NoteInfo {
  text: string;
  /** ms since epoch of the last edit. */
  updatedAt: number;
}

/** Where the student stopped in the video (seconds), for "Resume at 12:34". */
export interface PlaybackInfo {
  position: number;
  duration: number;
}

/** Seconds of video played in the app's player, per local day (`2026-12-02`) and lecture. */
export type WatchHistory = Record<string, Record<string, number>>;

export interface LectureDetail extends LectureInfo {
  courseTitle: string;
  summary: string;
  note: NoteInfo | null;
  thumbnailUrl: string;
  /** The last position played in the app's player; null when never played here. */
  playback?: PlaybackInfo | null;
}

export interface NoteListItem {
  videoId: string;
  title: string;
  courseId: string;
  courseTitle: string;
  snippet: string;
  updatedAt: number;
}

export type MatchField = 'title' | 'summary' | 'note';

export interface SearchHit {
  videoId: string;
  title: string;
  courseId: string;
  courseTitle: string;
  /** Where the query matched, best first. */
  fields: MatchField[];
  /** Plain-text snippet around the match; `highlights` are [start, end) offsets into it. */
  snippet: string;
  snippetField: MatchField;
  highlights: [number, number][];
  score: number;
}

export interface SearchResponse {
  hits: SearchHit[];
  /** False while the index is still being built; hits then come from titles and notes only. */
  ready: boolean;
}

export interface BackupInfo {
  name: string;
  /** ms since epoch. */
  createdAt: number;
  reason: string;
  notes: number;
  watched: number;
}

export interface MergeReport {
  added: number;
  updated: number;
  /** Notes removed here because the backup carries a later deletion of them. */
  deleted: number;
  conflicts: number;
  watched: number;
  /** Parts of the backup over the limits a student's own data keeps, left out; absent when none. */
  skipped?: { count: number; reasons: string[] };
}

/** Phantom marker carrying a result type without a runtime value. */
const returns = <T>() => undefined as unknown as T;

/**
 * Mutations answer with what the page needs to show their effect, so it never asks for the
 * library again: setWatched the changed lecture; setPrefs the prefs, and the courses when
 * their order changed; the corrections, restore and merge the whole Library.
 */
export interface PrefsChange {
  prefs: Prefs;
  /** Present when the change reordered the courses (newestFirst); rows as in the Library the page holds. */
  courses?: LibraryCourse[];
}

export const contract = {
  /** `firstScreen`: only the rows the page opens on carry their titles and dates (Library.firstScreen). */
  getLibrary: { args: z.object({ firstScreen: z.boolean().optional() }).strict(), result: returns<Library>() },
  /** Every lecture's title and date, for a page that opened with the first screen's. */
  getLectureText: { args: empty, result: returns<LectureText>() },
  getLecture: { args: z.object({ videoId }).strict(), result: returns<LectureDetail>() },
  setWatched: { args: z.object({ videoId, watched: z.boolean() }).strict(), result: returns<LectureInfo>() },
  openVideo: {
    args: z
      .object({
        videoId,
        seconds: z
          .number()
          .int()
          .min(0)
          .max(48 * 3600)
          .optional(),
      })
      .strict(),
    result: returns<{ url: string }>(),
  },
  setPrefs: {
    args: prefsSchema
      // Every stored preference, any subset; the ids are checked as ids here.
      .extend({ lastVideoId: videoId.nullable(), lastCourseId: courseId.nullable(), dismissedRecovery: z.string().max(500).nullable() })
      .partial()
      .strict(),
    result: returns<PrefsChange>(),
  },
  saveNote: {
    args: z.object({ videoId, text: z.string().max(MAX_NOTE_CHARS) }).strict(),
    result: returns<{ updatedAt: number }>(),
  },
  listNotes: { args: empty, result: returns<NoteListItem[]>() },
  /**
   * The player's report while a lecture plays (every few seconds, on pause, switch and quit):
   * the position to resume at, and `played` seconds of video since the last report for the
   * day's history. Answers with the lecture, marked watched when enough of it has played.
   */
  savePlayback: {
    args: z
      .object({
        videoId,
        position: z
          .number()
          .finite()
          .min(0)
          .max(48 * 3600),
        duration: z
          .number()
          .finite()
          .min(0)
          .max(48 * 3600),
        played: z.number().finite().min(0).max(3600).optional(),
      })
      .strict(),
    result: returns<LectureInfo>(),
  },
  /** The player's history, for the statistics: seconds played per day and lecture. */
  getWatchHistory: { args: empty, result: returns<WatchHistory>() },
  search: {
    args: z
      .object({
        query: z.string().max(500),
        courseId: courseId.optional(),
        watched: z.enum(['any', 'watched', 'unwatched']).optional(),
        hasNote: z.boolean().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    result: returns<SearchResponse>(),
  },
  moveLecture: {
    args: z
      .object({ videoId, courseId: courseId.optional(), newCourseTitle: z.string().trim().min(1).max(200).optional() })
      .strict()
      .refine((a) => (a.courseId === undefined) !== (a.newCourseTitle === undefined), 'give courseId or newCourseTitle'),
    result: returns<Library>(),
  },
  /** Several lectures into one course in a single correction: all move, or none do. */
  moveLectures: {
    args: z
      .object({
        videoIds: z.array(videoId).min(1).max(MAX_BULK_LECTURES),
        courseId: courseId.optional(),
        newCourseTitle: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .refine((a) => (a.courseId === undefined) !== (a.newCourseTitle === undefined), 'give courseId or newCourseTitle'),
    result: returns<Library>(),
  },
  /** Puts back what the last moveLectures changed; refused once anything else changed the corrections. */
  undoMoveLectures: { args: empty, result: returns<Library>() },
  renameCourse: {
    args: z.object({ courseId, title: z.string().trim().min(1).max(200) }).strict(),
    result: returns<Library>(),
  },
  resetCorrections: { args: empty, result: returns<Library>() },
  exportNotes: {
    args: z
      .object({ scope: z.enum(['one', 'all']), videoId: videoId.optional(), layout: z.enum(['single', 'perLecture']) })
      .strict()
      .refine((a) => a.scope === 'all' || a.videoId !== undefined, 'scope "one" needs a videoId'),
    result: returns<ExportResult>(),
  },
  exportBackup: { args: empty, result: returns<ExportResult>() },
  importBackup: {
    args: z.object({ content: z.string().max(MAX_BACKUP_CHARS) }).strict(),
    result: returns<MergeReport & { library: Library }>(),
  },
  listBackups: { args: empty, result: returns<BackupInfo[]>() },
  restoreBackup: { args: z.object({ name: z.string().min(1).max(200) }).strict(), result: returns<Library>() },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
// The method list and the contract must name the same methods, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameMethods: Same<Method, MethodName> = true;
void sameMethods;
export const METHODS: readonly Method[] = METHOD_NAMES;
export type ArgsOf<M extends Method> = z.input<Contract[M]['args']>;
export type ResultOf<M extends Method> = Contract[M]['result'];

/** What the renderer sees: one named async function per contract method, nothing else. */
export type Api = { [M in Method]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

/** Validate a payload for `method`; throws ApiError('invalid') with a readable message. */
export function parseArgs<M extends Method>(method: M, payload: unknown): z.output<Contract[M]['args']> {
  if (!Object.prototype.hasOwnProperty.call(contract, method)) throw new ApiError(`unknown method`, 'invalid');
  const r = contract[method].args.safeParse(payload ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.length ? first.path.join('.') + ': ' : '';
    throw new ApiError(`${method}: ${where}${first?.message ?? 'invalid arguments'}`, 'invalid');
  }
  return r.data as z.output<Contract[M]['args']>;
}
