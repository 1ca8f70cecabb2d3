// Everything both ends of a transport must agree on, with no imports at all: the preload (which
// may load only 'electron' at runtime) and the renderer use it without pulling in zod or Node.
// contract.ts re-exports it and checks at compile time that the method names match its methods.

export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
export const MAX_NOTE_CHARS = 4_000_000; // a 1 MB note of any script fits; a 10 MB paste does not
export const MAX_BACKUP_CHARS = 64_000_000;
/** Lectures one bulk move may carry: the channel's longest course is far below it, a runaway selection is not. */
export const MAX_BULK_LECTURES = 1_000;

export const METHOD_NAMES = [
  'getLibrary',
  'getLectureText',
  'getLecture',
  'setWatched',
  'openVideo',
  'setPrefs',
  'saveNote',
  'listNotes',
  'savePlayback',
  'getWatchHistory',
  'search',
  'moveLecture',
  'moveLectures',
  'undoMoveLectures',
  'renameCourse',
  'resetCorrections',
  'exportNotes',
  'exportBackup',
  'importBackup',
  'listBackups',
  'restoreBackup',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

// ---- Electron IPC channels ---------------------------------------------------------------

const PREFIX = 'lc:';
/** The invoke channel of a contract method. */
export const methodChannel = (name: MethodName): string => PREFIX + name;
/** The close handshake: main asks the page to save, the page acknowledges, then answers. */
export const FLUSH_CHANNELS = { request: `${PREFIX}flush`, ack: `${PREFIX}flush-ack`, result: `${PREFIX}flush-result` } as const;

// ---- errors --------------------------------------------------------------------------------

export const ERROR_CODES = ['invalid', 'not-found', 'forbidden', 'readonly', 'failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status the loopback server answers each code with. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid: 400,
  'not-found': 404,
  forbidden: 403,
  readonly: 409,
  failed: 500,
};

const isCode = (v: unknown): v is ErrorCode => typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);

/**
 * The errors a student may meet, by name: each crosses the wire as this key and its parameters,
 * and the page words it in the UI language (renderer i18n, `error.<key>`). The English message
 * travels too, for logs and for a page that has no words for the key.
 */
export const ERROR_MESSAGES = [
  'lectureNotFound',
  'courseNotFound',
  'noMoveToUndo',
  'noNotes',
  'notBackup',
  'backupNewer',
  'backupFileNewer',
  'backupMissing',
  'backupUnreadable',
  'readonlyNewer',
  'diskFull',
  'diskFullAtStart',
  'readonlyNewerVersion',
  'browserNoSave',
  'browserNoFiles',
  'tooLarge',
] as const;
export type ErrorMessage = (typeof ERROR_MESSAGES)[number];
export interface ErrorWords {
  key: ErrorMessage;
  params?: Record<string, string | number>;
}

/** Words from the other end, kept only when they are what the page knows how to say. */
function wordsOf(v: unknown): ErrorWords | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { key, params } = v as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !(ERROR_MESSAGES as readonly string[]).includes(key)) return undefined;
  if (params === undefined) return { key: key as ErrorMessage };
  if (!params || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const ok = Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number');
  return ok ? { key: key as ErrorMessage, params: params as Record<string, string | number> } : undefined;
}

/** The one error class: thrown by the service, carried by both transports, shown by the page. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'failed',
    /** What to tell the student in their language; without it the page shows `message`. */
    readonly words?: ErrorWords,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Long enough for any real message; a 10 MB key name in a zod message is cut, not echoed. */
const MAX_MESSAGE = 500;

const cut = (s: string) => (s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE) + '…' : s);

/**
 * Electron passes only an error's message across IPC, so the code (and the words, URI-encoded
 * JSON) travel in a "[code w=…] " prefix.
 * `encodeIpcError(new ApiError('x', 'invalid'))` → Error("[invalid] x").
 */
export function encodeIpcError(e: ApiError): Error {
  const words = e.words ? ` w=${encodeURIComponent(cut(JSON.stringify(e.words)))}` : '';
  return new Error(`[${e.code}${words}] ${cut(e.message)}`);
}

/** The other end: Electron prefixes "Error invoking remote method 'lc:x': Error: " to the message. */
export function decodeIpcError(e: unknown): ApiError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /\[([a-z-]+)(?: w=([^\]\s]+))?\] ([\s\S]*)$/.exec(message);
  if (!m || !isCode(m[1])) return new ApiError(message, 'failed');
  let words: unknown;
  try {
    words = m[2] === undefined ? undefined : JSON.parse(decodeURIComponent(m[2]));
  } catch {
    words = undefined;
  }
  return new ApiError(m[3]!, m[1], wordsOf(words));
}

/** The loopback server's error body: `{ error, code, words? }`, with the status from HTTP_STATUS. */
export function encodeHttpError(e: ApiError): { status: number; body: string } {
  return { status: HTTP_STATUS[e.code], body: JSON.stringify({ error: e.message, code: e.code, words: e.words }) };
}

export function decodeHttpError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; code?: unknown; words?: unknown };
  const message = typeof b.error === 'string' ? b.error : `request failed (${status})`;
  return new ApiError(message, isCode(b.code) ? b.code : 'failed', wordsOf(b.words));
}
