// The one in-memory Api for component tests: just enough behaviour to drive the renderer,
// with every call recorded (each method is a vi.fn) so tests can assert what the UI asked
// for, and any method replaceable. The real service is exercised end to end in tests/e2e.
import { vi, type Mock } from 'vitest';
import { DEFAULT_PREFS } from '../../../electron/shared/prefs';
import {
  encodeLibrary,
  type Api,
  type CourseInfo,
  type LectureDetail,
  type LectureInfo,
  type Library,
  type Method,
  type NoteInfo,
  type Prefs,
  type PrefsChange,
  type StoreStatus,
} from '../../../electron/shared/contract';

export interface FakeLecture {
  videoId: string;
  index: number;
  title: string;
  courseId: string;
  watched?: boolean;
  summary?: string;
}

/** 11-character ids built from a number, e.g. vid(3) = 'vid00000003'. */
export const vid = (n: number) => `vid${String(n).padStart(8, '0')}`;

export function fakeApi(courses: { id: string; title: string; lectures: string[] }[], lectures: FakeLecture[], prefs: Partial<Prefs> = {}) {
  const state = {
    courses: courses.map<CourseInfo>((c) => ({ ...c, kind: 'course', corrected: false })),
    lectures: lectures.map<LectureInfo>((l) => ({
      videoId: l.videoId,
      index: l.index,
      date: null,
      title: l.title,
      courseId: l.courseId,
      watched: l.watched ?? false,
      hasNote: false,
      hasSummary: !!l.summary,
    })),
    summaries: new Map(lectures.map((l) => [l.videoId, l.summary ?? ''])),
    prefs: { ...DEFAULT_PREFS, ...prefs } as Prefs,
    store: { state: 'ok', message: null, quarantinePath: null } as StoreStatus,
    notes: new Map<string, NoteInfo>(),
  };
  // As the service answers: the contract's columns, from the same encoder.
  const library = (): Library =>
    encodeLibrary({
      courses: state.courses.map((c) => ({ ...c, lectures: [...c.lectures] })),
      lectures: [...state.lectures].sort((a, b) => a.index - b.index).map((l) => ({ ...l })),
      warnings: [],
      prefs: { ...state.prefs },
      store: { ...state.store },
    });
  let beforeMove: { courses: CourseInfo[]; homes: [string, string][] } | null = null;
  const find = (id: string) => {
    const l = state.lectures.find((x) => x.videoId === id);
    if (!l) throw new Error('not found');
    return l;
  };

  const api = {
    // Every row's text at once (a first answer without some titles is library-data's test's case).
    getLibrary: vi.fn(async (_args?: { firstScreen?: boolean }) => library()),
    getLectureText: vi.fn(async () => {
      const { titles, dates } = library().lectures;
      return { titles, dates };
    }),
    getLecture: vi.fn(async ({ videoId }: { videoId: string }): Promise<LectureDetail> => {
      const l = find(videoId);
      const course = state.courses.find((c) => c.id === l.courseId)!;
      return {
        ...l,
        courseTitle: course.title,
        summary: state.summaries.get(videoId) ?? '',
        note: state.notes.get(videoId) ?? null,
        thumbnailUrl: '',
      };
    }),
    setWatched: vi.fn(async ({ videoId, watched }: { videoId: string; watched: boolean }) => {
      const l = find(videoId);
      l.watched = watched;
      return { ...l };
    }),
    openVideo: vi.fn(async ({ videoId, seconds }: { videoId: string; seconds?: number }) => ({
      url: `https://www.youtube.com/watch?v=${videoId}${seconds ? `&t=${seconds}s` : ''}`,
    })),
    setPrefs: vi.fn(async (p: Partial<Prefs>): Promise<PrefsChange> => {
      const reorder = p.newestFirst !== undefined && p.newestFirst !== state.prefs.newestFirst;
      Object.assign(state.prefs, p);
      if (reorder) state.courses.reverse();
      return reorder ? { prefs: { ...state.prefs }, courses: library().courses } : { prefs: { ...state.prefs } };
    }),
    moveLecture: vi.fn(async ({ videoId, courseId, newCourseTitle }: { videoId: string; courseId?: string; newCourseTitle?: string }) => {
      const l = find(videoId);
      for (const c of state.courses) c.lectures = c.lectures.filter((x) => x !== videoId);
      let target = state.courses.find((c) => c.id === courseId);
      if (!target) {
        target = { id: `custom-${newCourseTitle}`, title: newCourseTitle!, kind: 'custom', lectures: [], corrected: true };
        state.courses.push(target);
      }
      target.lectures.push(videoId);
      l.courseId = target.id;
      return library();
    }),
    moveLectures: vi.fn(
      async ({ videoIds, courseId, newCourseTitle }: { videoIds: string[]; courseId?: string; newCourseTitle?: string }) => {
        // What the undo puts back: every course's lecture list, and each moved lecture's course.
        beforeMove = {
          courses: state.courses.map((c) => ({ ...c, lectures: [...c.lectures] })),
          homes: videoIds.map((v) => [v, find(v).courseId]),
        };
        let target = state.courses.find((c) => c.id === (courseId ?? `custom-${newCourseTitle}`));
        if (!target) {
          target = { id: `custom-${newCourseTitle}`, title: newCourseTitle!, kind: 'custom', lectures: [], corrected: true };
          state.courses.push(target);
        }
        for (const c of state.courses) c.lectures = c.lectures.filter((x) => !videoIds.includes(x));
        for (const videoId of videoIds) find(videoId).courseId = target.id;
        target.lectures.push(...videoIds);
        return library();
      },
    ),
    undoMoveLectures: vi.fn(async () => {
      if (!beforeMove) throw new Error('There is no move to undo');
      state.courses = beforeMove.courses;
      for (const [v, courseId] of beforeMove.homes) find(v).courseId = courseId;
      beforeMove = null;
      return library();
    }),
    renameCourse: vi.fn(async ({ courseId, title }: { courseId: string; title: string }) => {
      const c = state.courses.find((x) => x.id === courseId)!;
      c.title = title;
      c.corrected = true;
      return library();
    }),
    resetCorrections: vi.fn(async () => library()),
    saveNote: vi.fn(async () => ({ updatedAt: Date.now() })),
    listNotes: vi.fn(async () => []),
    getWatchHistory: vi.fn(async () => ({})),
    savePlayback: vi.fn(async ({ videoId }: { videoId: string }) => state.lectures.find((l) => l.videoId === videoId)!),
    search: vi.fn(async () => ({ hits: [], ready: true })),
    exportNotes: vi.fn(async () => ({ saved: [] })),
    exportBackup: vi.fn(async () => ({ saved: null })),
    importBackup: vi.fn(async () => ({ added: 0, updated: 0, deleted: 0, conflicts: 0, watched: 0, library: library() })),
    listBackups: vi.fn(async () => []),
    restoreBackup: vi.fn(async () => library()),
  };
  /** The arguments of every call to `m`, in order. */
  const callsTo = (m: Method): unknown[] => (api[m] as Mock).mock.calls.map((c) => c[0]);
  return { api: Object.assign(api, { callsTo }) as typeof api & Api & { callsTo: typeof callsTo }, state };
}

export type FakeApi = ReturnType<typeof fakeApi>['api'];

/** An empty library's Api, with the given methods replaced. */
export function emptyApi(overrides: { [M in Method]?: Api[M] } = {}): FakeApi {
  const { api } = fakeApi([], []);
  for (const [m, impl] of Object.entries(overrides)) (api[m as Method] as Mock).mockImplementation(impl as () => unknown);
  return api;
}

export function emptyLibrary(): Library {
  return encodeLibrary({
    courses: [],
    lectures: [],
    warnings: [],
    prefs: { ...DEFAULT_PREFS },
    store: { state: 'ok', message: null, quarantinePath: null },
  });
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

/** Two small courses whose course order differs from upload order. */
export function sampleApi(prefs: Partial<Prefs> = {}) {
  const lectures: FakeLecture[] = [
    { videoId: vid(1), index: 1, title: 'Intro to RL (2/3)', courseId: 'rl' },
    {
      videoId: vid(2),
      index: 2,
      title: 'Intro to RL (1/3)',
      courseId: 'rl',
      summary: '# Overview\n\n- **policy** at 01:05\n\n[site](https://example.com)',
    },
    { videoId: vid(3), index: 3, title: 'Intro to RL (3/3)', courseId: 'rl' },
    { videoId: vid(4), index: 4, title: 'GAN lecture', courseId: 'gan', watched: true },
  ];
  return fakeApi(
    [
      { id: 'rl', title: 'Reinforcement Learning', lectures: [vid(2), vid(1), vid(3)] },
      { id: 'gan', title: 'GANs', lectures: [vid(4)] },
    ],
    lectures,
    prefs,
  );
}
