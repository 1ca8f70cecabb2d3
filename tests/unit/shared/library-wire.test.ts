// The library's wire form: columns encode and decode without loss, the one schema rejects a
// malformed answer, and the service's columns (built once, marks read per answer) say the
// same as each lecture's own answer.
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeLibrary,
  encodeLibrary,
  FLAG,
  librarySchema,
  type ExpandedLibrary,
  type LectureInfo,
} from '../../../electron/shared/contract';
import { DEFAULT_PREFS } from '../../../electron/shared/prefs';
import type { Service } from '../../../electron/main/service';
import { openService, tempDir } from '../helpers/service';

const lecture = (videoId: string, index: number, extra: Partial<LectureInfo> = {}): LectureInfo => ({
  videoId,
  index,
  date: null,
  title: `t${index}`,
  courseId: 'other',
  watched: false,
  hasNote: false,
  hasSummary: false,
  watchedAt: null,
  linkedVideoId: null,
  ...extra,
});

function sample(): ExpandedLibrary {
  return {
    courses: [
      { id: 'a', title: 'A', kind: 'course', category: 'course', group: '2021', lectures: ['v3', 'v1'], corrected: false },
      { id: 'other', title: 'Other', kind: 'other', lectures: ['v2'], corrected: true },
    ],
    lectures: [
      lecture('v1', 1, { courseId: 'a', date: '2021-03-01', watched: true, watchedAt: 1_700_000_000_000, linkedVideoId: 'v3' }),
      lecture('v2', 2, { hasNote: true, hasSummary: true }),
      lecture('v3', 3, { courseId: 'a', title: '中文 標題', linkedVideoId: 'v1' }),
    ],
    warnings: [{ file: 'x.md', line: 3, message: 'odd' }],
    prefs: { ...DEFAULT_PREFS },
    store: { state: 'ok', message: null, quarantinePath: null },
  };
}

describe('the compact library', () => {
  it('round-trips every field, with courses as rows and flags as bits', () => {
    const wire = encodeLibrary(sample());
    expect(wire.lectures.ids).toEqual(['v1', 'v2', 'v3']);
    expect(wire.courses.map((c) => c.rows)).toEqual([[2, 0], [1]]);
    expect(wire.lectures.flags).toEqual([FLAG.watched, FLAG.hasNote | FLAG.hasSummary, 0]);
    expect(wire.lectures.linked).toEqual([2, -1, 0]);
    expect(wire.lectures.dates).toEqual(['2021-03-01', '', '']);
    expect(decodeLibrary(wire)).toEqual(sample());
    // JSON carries it unchanged, and the schema takes it as it is.
    const parsed = librarySchema.parse(JSON.parse(JSON.stringify(wire)));
    expect(parsed).toEqual(wire);
  });

  it('keeps the columns as they came: no per-lecture copy', () => {
    const wire = encodeLibrary(sample());
    expect(librarySchema.parse(wire).lectures.titles).toBe(wire.lectures.titles);
  });

  it('refuses columns of different lengths, rows out of range and wrong element types', () => {
    const bad = (change: (w: ReturnType<typeof encodeLibrary>) => void) => {
      const wire = encodeLibrary(sample());
      change(wire);
      return librarySchema.safeParse(wire).success;
    };
    expect(bad(() => {})).toBe(true);
    expect(bad((w) => w.lectures.titles.pop())).toBe(false);
    expect(bad((w) => (w.lectures.linked[0] = 3))).toBe(false);
    expect(bad((w) => (w.courses[0]!.rows = [0, 7]))).toBe(false);
    expect(bad((w) => (w.lectures.flags[1] = 1.5))).toBe(false);
    expect(bad((w) => ((w.lectures.ids as unknown[])[0] = 5))).toBe(false);
    // Courses are checked field by field with plain tests (not zod's per-object parse).
    const course = (w: ReturnType<typeof encodeLibrary>) => w.courses[0] as unknown as Record<string, unknown>;
    expect(bad((w) => (course(w).title = 7))).toBe(false);
    expect(bad((w) => (course(w).corrected = 'no'))).toBe(false);
    expect(bad((w) => (course(w).group = null))).toBe(false);
    expect(bad((w) => delete course(w).kind)).toBe(false);
    expect(bad((w) => (course(w).rows = [-1]))).toBe(false);
    expect(bad((w) => ((w.courses as unknown[])[1] = null))).toBe(false);
    expect(bad((w) => delete course(w).category)).toBe(true); // optional
    expect(bad((w) => (w.firstScreen = false as never))).toBe(false);
  });
});

describe("the service's columns", () => {
  const open: Service[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });

  it('match each lecture as getLecture gives it, and follow watched marks and notes', async () => {
    const { service } = await openService(tempDir());
    open.push(service);
    const first = decodeLibrary(await service.getLibrary());
    const id = first.lectures[3]!.videoId;
    await service.setWatched({ videoId: id, watched: true });
    await service.saveNote({ videoId: id, text: 'a note' });
    const lib = decodeLibrary(await service.getLibrary());
    for (const l of lib.lectures.slice(0, 12)) {
      const { videoId, index, date, title, courseId, watched, hasNote, hasSummary, watchedAt, linkedVideoId } = await service.getLecture({
        videoId: l.videoId,
      });
      expect(l).toEqual({ videoId, index, date, title, courseId, watched, hasNote, hasSummary, watchedAt, linkedVideoId });
    }
    expect(lib.lectures[3]).toMatchObject({ watched: true, hasNote: true });
    expect(lib.lectures[3]!.watchedAt).toBeGreaterThan(0);
    expect(first.lectures[3]).toMatchObject({ watched: false, hasNote: false });
  });
});
