import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, decodeLibrary } from '../../../electron/shared/contract';
import type { Service } from '../../../electron/main/service';
import { catalogPage, SEED } from '../helpers/fixtures';
import { closedAfterEach, openService, readJson, recordingHost, tempDir } from '../helpers/service';
import { onDiskJson } from '../helpers/store';
import { nth } from '../helpers/nth';

const open = closedAfterEach();
async function start(dataDir = tempDir(), catalogs = [SEED]) {
  const r = await openService(dataDir, catalogs);
  open.push(r.service);
  return { ...r, dataDir };
}

const indexesOf = async (service: Service) => {
  const lib = decodeLibrary(await service.getLibrary());
  const byId = new Map(lib.lectures.map((l) => [l.videoId, l.index]));
  return lib.courses.map((c) => ({ id: c.id, title: c.title, lectures: c.lectures.map((id) => byId.get(id)) }));
};

describe('service on the seed catalog', () => {
  it('gives the courses and lecture order of the foundation issue', async () => {
    const { service } = await start();
    const courses = await indexesOf(service);
    expect(courses.map((c) => c.lectures)).toEqual([
      [351, 352, 362, 361, 363, 360, 359, 368, 369],
      [353, 354, 355, 356, 357, 358, 364, 365, 366, 367],
      [372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 384],
      [388, 389, 390, 391, 392, 393, 394, 395, 396, 397, 398, 399, 400],
      [370, 371, 385, 386, 387],
    ]);
    expect(courses.at(-1)!.id).toBe('other');
    const lib = decodeLibrary(await service.getLibrary());
    expect(lib.lectures).toHaveLength(50);
    expect(lib.warnings).toEqual([]);
    expect(lib.store.state).toBe('ok');
  });

  it('gives a lecture with its summary, and says when there is none', async () => {
    const { service } = await start();
    const l368 = await service.getLecture({ videoId: 'CB0a3aBwND8' });
    expect(l368).toMatchObject({ index: 368, date: '2021-06-14', hasSummary: true, courseTitle: expect.stringContaining('ML 2021') });
    expect(l368.summary).toMatch(/^#+ /m);
    expect(l368.thumbnailUrl).toMatch(/^https:\/\/img\.youtube\.com\/vi\/CB0a3aBwND8\//);
    const lib = decodeLibrary(await service.getLibrary());
    const l360 = lib.lectures.find((l) => l.index === 360)!;
    expect(l360.hasSummary).toBe(false);
    expect((await service.getLecture({ videoId: l360.videoId })).summary).toBe('');
  });

  it('keeps watched flags across a restart and a later edition of the catalog', async () => {
    const first = await start();
    const lib = decodeLibrary(await first.service.getLibrary());
    const ids = lib.lectures.filter((l) => [351, 368, 400].includes(l.index)).map((l) => l.videoId);
    for (const videoId of ids) expect((await first.service.setWatched({ videoId, watched: true })).watched).toBe(true);
    await first.service.close();
    open.length = 0;
    const updated = await start(first.dataDir, [catalogPage('ytlee-07-index-updated.md')]);
    const after = decodeLibrary(await updated.service.getLibrary());
    expect(
      after.lectures
        .filter((l) => l.watched)
        .map((l) => l.videoId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(readJson(join(first.dataDir, 'lecture-companion.json')).watched).toHaveProperty(nth(ids, 0));
  });

  it('builds the YouTube URL itself and refuses unknown ids', async () => {
    const { service, host } = await start();
    await expect(service.openVideo({ videoId: 'CB0a3aBwND8', seconds: 754 })).resolves.toEqual({
      url: 'https://www.youtube.com/watch?v=CB0a3aBwND8&t=754s',
    });
    await expect(service.openVideo({ videoId: 'AAAAAAAAAAA' })).rejects.toBeInstanceOf(ApiError);
    await expect(service.setWatched({ videoId: 'AAAAAAAAAAA', watched: true })).rejects.toThrow(/No lecture/);
    expect(host.opened).toEqual(['https://www.youtube.com/watch?v=CB0a3aBwND8&t=754s']);
  });

  it('remembers preferences and the last lecture', async () => {
    const first = await start();
    await first.service.setPrefs({ lastVideoId: 'CB0a3aBwND8', uploadOrder: true });
    await first.service.close();
    open.length = 0;
    const again = await start(first.dataDir);
    expect(decodeLibrary(await again.service.getLibrary()).prefs).toMatchObject({ lastVideoId: 'CB0a3aBwND8', uploadOrder: true });
  });

  it('answers setPrefs with the prefs, and the courses only when their order changed', async () => {
    const { service } = await start();
    const before = decodeLibrary(await service.getLibrary()).courses.map((c) => c.id);
    const plain = await service.setPrefs({ uploadOrder: true });
    expect(plain).toEqual({ prefs: expect.objectContaining({ uploadOrder: true, newestFirst: false }) });
    const reordered = await service.setPrefs({ newestFirst: true });
    expect(reordered.prefs.newestFirst).toBe(true);
    const ids = reordered.courses!.map((c) => c.id);
    expect(ids).not.toEqual(before);
    expect(ids).toEqual(decodeLibrary(await service.getLibrary()).courses.map((c) => c.id));
  });

  it('answers a merge with its counts and the merged library', async () => {
    const dataDir = tempDir();
    const { service } = await openService(dataDir, [SEED], recordingHost(join(dataDir, 'exports'), 'download'));
    open.push(service);
    await service.saveNote({ videoId: 'CB0a3aBwND8', text: 'kept in the backup' });
    await service.setWatched({ videoId: 'CB0a3aBwND8', watched: true });
    const content = (await service.exportBackup()).downloads[0]!.content;
    const other = await start();
    const merged = await other.service.importBackup({ content });
    expect(merged).toMatchObject({ added: 1, conflicts: 0 });
    expect(decodeLibrary(merged.library).lectures.find((l) => l.videoId === 'CB0a3aBwND8')).toMatchObject({ watched: true, hasNote: true });
    expect(merged.library).toEqual(await other.service.getLibrary());
  });

  it('moves a lecture to a new course, renames, and resets', async () => {
    const { service } = await start();
    let lib = decodeLibrary(await service.moveLecture({ videoId: 'CB0a3aBwND8', newCourseTitle: 'Compression' }));
    const custom = lib.courses.find((c) => c.title === 'Compression')!;
    expect(custom.lectures).toEqual(['CB0a3aBwND8']);
    expect(lib.lectures.find((l) => l.videoId === 'CB0a3aBwND8')!.courseId).toBe(custom.id);
    lib = decodeLibrary(await service.renameCourse({ courseId: 'other', title: 'Misc' }));
    expect(lib.courses.find((c) => c.id === 'other')!.title).toBe('Misc');
    await expect(service.renameCourse({ courseId: 'nope', title: 'x' })).rejects.toThrow(/No course/);
    lib = decodeLibrary(await service.resetCorrections());
    expect(lib.courses.some((c) => c.title === 'Compression')).toBe(false);
    expect((await indexesOf(service))[0]?.lectures).toContain(368);
  });

  it('moves several lectures in one correction, and refuses the whole move when one id is unknown', async () => {
    const { service, dataDir } = await start();
    const ids = ['CB0a3aBwND8', decodeLibrary(await service.getLibrary()).lectures.find((l) => l.index === 400)!.videoId];
    let lib = decodeLibrary(await service.moveLectures({ videoIds: ids, newCourseTitle: 'Picked' }));
    const picked = lib.courses.find((c) => c.title === 'Picked')!;
    expect([...picked.lectures].sort()).toEqual([...ids].sort());
    expect(onDiskJson(dataDir).corrections.moves).toEqual({ [ids[0]!]: picked.id, [ids[1]!]: picked.id });
    lib = decodeLibrary(await service.moveLectures({ videoIds: ids, courseId: 'other' }));
    expect(lib.courses.some((c) => c.title === 'Picked')).toBe(false);
    expect(lib.lectures.filter((l) => ids.includes(l.videoId)).map((l) => l.courseId)).toEqual(['other', 'other']);
    const before = structuredClone(service.store.data.corrections);
    await expect(service.moveLectures({ videoIds: [ids[0]!, 'zzzzzzzzzzz'], newCourseTitle: 'Half' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(service.moveLectures({ videoIds: ids, courseId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    expect(service.store.data.corrections).toEqual(before);
  });

  it('undoes a bulk move in one step: every lecture back in its course and place, with its earlier correction', async () => {
    const { service, dataDir } = await start();
    const idOf = new Map(decodeLibrary(await service.getLibrary()).lectures.map((l) => [l.index, l.videoId]));
    const [a, b, c] = [idOf.get(352)!, idOf.get(361)!, idOf.get(390)!];
    // 390 already carries a correction of its own: the undo must put that one back, not the heuristic course.
    await service.moveLectures({ videoIds: [c], courseId: 'other' });
    const before = await indexesOf(service);
    const corrections = structuredClone(service.store.data.corrections);

    await service.moveLectures({ videoIds: [a, b, c, a], newCourseTitle: 'Picked' });
    expect((await indexesOf(service)).find((k) => k.title === 'Picked')!.lectures).toEqual([352, 361, 390]);
    await service.undoMoveLectures();
    expect(await indexesOf(service)).toEqual(before);
    expect(service.store.data.corrections).toEqual(corrections);
    expect(onDiskJson(dataDir).corrections).toEqual(corrections);
    // Once only.
    await expect(service.undoMoveLectures()).rejects.toMatchObject({ code: 'not-found' });

    // Into an existing course, then a rename: the undo would overwrite what it never saw, so it is refused.
    await service.moveLectures({ videoIds: [a], courseId: 'other' });
    const renamed = await service.renameCourse({ courseId: 'other', title: 'Misc' });
    await expect(service.undoMoveLectures()).rejects.toMatchObject({ code: 'not-found' });
    expect(await service.getLibrary()).toEqual(renamed);
  });

  it('keeps the linked-version setting, off until turned on', async () => {
    const { service } = await start();
    expect(decodeLibrary(await service.getLibrary()).prefs.linkedWatched).toBe(false);
    expect((await service.setPrefs({ linkedWatched: true })).prefs.linkedWatched).toBe(true);
    expect(decodeLibrary(await service.getLibrary()).prefs.linkedWatched).toBe(true);
  });

  it('exports a lecture with summary and linked timestamps', async () => {
    const { service, host } = await start();
    await service.saveNote({ videoId: 'CB0a3aBwND8', text: '剪枝 at 12:34 and [1:02:03]' });
    const r = await service.exportNotes({ scope: 'one', videoId: 'CB0a3aBwND8', layout: 'single' });
    expect(r.saved).toHaveLength(1);
    const md = nth(host.written, 0).content;
    expect(md).toContain('# [ML 2021 (English version)] Lecture 35: Network Compression (1/2)');
    expect(md).toContain('https://www.youtube.com/watch?v=CB0a3aBwND8');
    expect(md).toContain('2021-06-14');
    expect(md).toContain('https://www.youtube.com/watch?v=CB0a3aBwND8&t=754s');
    expect(md).toContain('https://www.youtube.com/watch?v=CB0a3aBwND8&t=3723s');
    host.cancel = true;
    expect(await service.exportNotes({ scope: 'all', layout: 'perLecture' })).toEqual({ saved: [], downloads: [] });
  });

  it('in browser mode, hands exports back as downloads, each with its own name, and writes nothing', async () => {
    const dataDir = tempDir();
    const host = recordingHost(join(dataDir, 'exports'), 'download');
    const { service } = await openService(dataDir, [SEED], host);
    open.push(service);
    await service.saveNote({ videoId: 'CB0a3aBwND8', text: '剪枝 at 12:34' });
    const one = await service.exportNotes({ scope: 'one', videoId: 'CB0a3aBwND8', layout: 'single' });
    expect(one.saved).toEqual([]);
    expect(one.downloads).toHaveLength(1);
    expect(one.downloads[0]).toMatchObject({
      name: expect.stringMatching(/^368-notes-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.md$/),
      type: 'text/markdown',
    });
    expect(one.downloads[0]!.content).toContain('&t=754s');
    const backup = await service.exportBackup();
    expect(backup.downloads[0]!.name).toMatch(/^lecture-companion-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    expect(JSON.parse(backup.downloads[0]!.content).notes.CB0a3aBwND8.text).toBe('剪枝 at 12:34');
    expect(host.written).toEqual([]);
    expect(existsSync(join(dataDir, 'exports'))).toBe(false);
  });

  it('lists notes newest first and finds them by search', async () => {
    const { service } = await start();
    const first = await service.saveNote({ videoId: 'CB0a3aBwND8', text: 'first zebrafish note' });
    // The second note must be newer: wait for the clock itself to pass the first one's time.
    while (Date.now() <= first.updatedAt) await new Promise((r) => setTimeout(r, 1));
    const lib = decodeLibrary(await service.getLibrary());
    const other = lib.lectures.find((l) => l.index === 400)!.videoId;
    await service.saveNote({ videoId: other, text: 'second note' });
    expect((await service.listNotes()).map((n) => n.videoId)).toEqual([other, 'CB0a3aBwND8']);
    const res = await service.search({ query: 'zebrafish' });
    expect(res.hits.map((h) => h.videoId)).toEqual(['CB0a3aBwND8']);
    expect(res.hits[0]?.fields).toContain('note');
    expect((await service.search({ query: 'zebrafish', hasNote: false })).hits).toEqual([]);
  });

  it('reports an unreadable catalog as a warning and still starts', async () => {
    const { service } = await start(tempDir(), [SEED, '/nonexistent/catalog.md']);
    const lib = decodeLibrary(await service.getLibrary());
    expect(lib.lectures).toHaveLength(50);
    expect(lib.warnings[0]).toMatchObject({ file: '/nonexistent/catalog.md', message: expect.stringContaining('could not read') });
  });
});
