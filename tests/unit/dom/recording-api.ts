// A recording stand-in for the app's Api in component tests: every call is logged, and each
// method answers with a realistic value unless a test replaces it. The real service is
// exercised end to end in tests/e2e.
import { METHODS, type Api, type Library, type Method } from '../../../electron/shared/contract';

export interface Call {
  method: Method;
  args: unknown;
}

export type RecordingApi = Api & { calls: Call[]; callsTo(m: Method): unknown[] };

export function emptyLibrary(): Library {
  return {
    courses: [],
    lectures: [],
    warnings: [],
    prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
    store: { state: 'ok', message: null, quarantinePath: null },
  };
}

const defaults: { [M in Method]: (args: never) => unknown } = {
  getLibrary: () => emptyLibrary(),
  getLecture: () => {
    throw new Error('not in fake');
  },
  setWatched: () => {
    throw new Error('not in fake');
  },
  openVideo: (a: { videoId: string; seconds?: number }) => ({
    url: `https://www.youtube.com/watch?v=${a.videoId}${a.seconds ? `&t=${a.seconds}s` : ''}`,
  }),
  setPrefs: () => emptyLibrary().prefs,
  saveNote: () => ({ updatedAt: Date.now() }),
  listNotes: () => [],
  search: () => ({ hits: [], ready: true }),
  moveLecture: () => emptyLibrary(),
  renameCourse: () => emptyLibrary(),
  resetCorrections: () => emptyLibrary(),
  exportNotes: () => ({ saved: [] }),
  exportBackup: () => ({ saved: null }),
  importBackup: () => ({ added: 0, updated: 0, deleted: 0, conflicts: 0, watched: 0 }),
  listBackups: () => [],
  restoreBackup: () => emptyLibrary(),
};

type Overrides = { [M in Method]?: Api[M] };

export function recordingApi(overrides: Overrides = {}): RecordingApi {
  const calls: Call[] = [];
  const api = { calls, callsTo: (m: Method) => calls.filter((c) => c.method === m).map((c) => c.args) } as RecordingApi;
  for (const m of METHODS) {
    const impl = (overrides[m] ?? (async (a: never) => defaults[m](a))) as (a: unknown) => Promise<unknown>;
    (api as unknown as Record<string, unknown>)[m] = (args: unknown) => {
      calls.push({ method: m, args });
      return impl(args);
    };
  }
  return api;
}

/** A promise the test resolves or rejects when it chooses. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
