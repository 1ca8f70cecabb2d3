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

/** The one error class: thrown by the service, carried by both transports, shown by the page as is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'failed',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Long enough for any real message; a 10 MB key name in a zod message is cut, not echoed. */
const MAX_MESSAGE = 500;

/**
 * Electron passes only an error's message across IPC, so the code travels as a "[code] " prefix.
 * `encodeIpcError(new ApiError('x', 'invalid'))` → Error("[invalid] x").
 */
export function encodeIpcError(e: ApiError): Error {
  const text = e.message.length > MAX_MESSAGE ? e.message.slice(0, MAX_MESSAGE) + '…' : e.message;
  return new Error(`[${e.code}] ${text}`);
}

/** The other end: Electron prefixes "Error invoking remote method 'lc:x': Error: " to the message. */
export function decodeIpcError(e: unknown): ApiError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /\[([a-z-]+)\] ([\s\S]*)$/.exec(message);
  return m && isCode(m[1]) ? new ApiError(m[2]!, m[1]) : new ApiError(message, 'failed');
}

/** The loopback server's error body: `{ error, code }`, with the status from HTTP_STATUS. */
export function encodeHttpError(e: ApiError): { status: number; body: string } {
  return { status: HTTP_STATUS[e.code], body: JSON.stringify({ error: e.message, code: e.code }) };
}

export function decodeHttpError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; code?: unknown };
  return new ApiError(typeof b.error === 'string' ? b.error : `request failed (${status})`, isCode(b.code) ? b.code : 'failed');
}
