// getLibrary's first answer (`firstScreen`) on the whole channel: titles and dates only for the
// rows the page opens on, as the page picks them, and getLectureText with every row's; the
// rest of the answer is the full library's. Real lowdb files, the real channel pages.
import { describe, expect, it } from 'vitest';
import { decodeLibrary, lectureTextSchema, librarySchema, type Library } from '../../../electron/shared/contract';
import { CHANNEL_FIXTURES, pagesIn } from '../helpers/fixtures';
import { closedAfterEach, openService, tempDir } from '../helpers/service';

const open = closedAfterEach();
async function start() {
  const { service } = await openService(tempDir(), pagesIn(CHANNEL_FIXTURES));
  open.push(service);
  return service;
}

/** Rows whose title the answer carries. */
const titled = (lib: Library) => lib.lectures.titles.flatMap((t, r) => (t === '' ? [] : [r]));
const rowOf = (lib: Library, videoId: string) => lib.lectures.ids.indexOf(videoId);

describe('the first screen', () => {
  it('carries the first course’s titles and dates only, and getLectureText every row’s', async () => {
    const service = await start();
    const full = await service.getLibrary();
    const first = librarySchema.parse(await service.getLibrary({ firstScreen: true }));
    expect(first.firstScreen).toBe(true);
    expect(full.firstScreen).toBeUndefined();
    // Everything but the text is the full answer's.
    const { titles, dates, ...rest } = first.lectures;
    const { titles: allTitles, dates: allDates, ...fullRest } = full.lectures;
    expect(rest).toEqual(fullRest);
    expect(first.courses).toEqual(full.courses);
    // The first course's rows, and the lectures they pair with (the pane's language link).
    const course = full.courses[0]!;
    const paired = course.rows.map((r) => full.lectures.linked[r]!).filter((r) => r >= 0);
    expect(new Set(titled(first))).toEqual(new Set([...course.rows, ...paired]));
    for (const r of titled(first)) expect([titles[r], dates[r]]).toEqual([allTitles[r], allDates[r]]);
    expect(titled(first).length).toBeLessThan(full.lectures.ids.length / 4);
    // The rest, in one answer the page checks with the contract's schema.
    expect(lectureTextSchema.parse(await service.getLectureText())).toEqual({ titles: allTitles, dates: allDates });
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(full).length * 0.8);
  });

  it('opens on the student’s last course, else the last lecture’s', async () => {
    const service = await start();
    const full = await service.getLibrary();
    const [, second, third] = full.courses;
    await service.setPrefs({ lastCourseId: second!.id });
    expect(titled(await service.getLibrary({ firstScreen: true }))).toEqual(expect.arrayContaining(second!.rows));
    const lastVideoId = full.lectures.ids[third!.rows[0]!]!;
    await service.setPrefs({ lastCourseId: null, lastVideoId });
    const rows = titled(await service.getLibrary({ firstScreen: true }));
    expect(rows).toEqual(expect.arrayContaining(third!.rows));
    expect(rows).not.toEqual(expect.arrayContaining(second!.rows));
  });

  it('in upload order, carries the top of the list and the rows around the last lecture', async () => {
    const service = await start();
    const full = await service.getLibrary();
    const n = full.lectures.ids.length;
    const lastVideoId = full.lectures.ids[n - 1]!;
    await service.setPrefs({ uploadOrder: true, lastVideoId });
    const first = await service.getLibrary({ firstScreen: true });
    const rows = new Set(titled(first));
    expect(rows.has(0) && rows.has(99) && rows.has(rowOf(first, lastVideoId)) && rows.has(n - 100)).toBe(true);
    // Between the two windows, only the lectures a window's rows pair with.
    const inWindow = (r: number) => r < 100 || r >= n - 101;
    const middle = [...rows].filter((r) => !inWindow(r));
    for (const r of middle) expect(full.lectures.linked.some((other, w) => other === r && inWindow(w))).toBe(true);
    expect(rows.size).toBeLessThan(n - 100);
    // The full answer is unchanged by all this.
    expect(decodeLibrary(await service.getLibrary()).lectures.every((l) => l.title !== '')).toBe(true);
  });
});
