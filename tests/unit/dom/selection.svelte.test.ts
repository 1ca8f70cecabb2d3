// The playlist's selection and what is done with it, on the real state classes over the
// in-memory Api: ranges and toggles in row order, a move of many in one call, marks of many
// with their linked versions and one undo.
import { describe, expect, it } from 'vitest';
import { CourseCorrections } from '../../../renderer/src/lib/state/corrections.svelte';
import { LibraryState } from '../../../renderer/src/lib/state/library.svelte';
import { WatchMarks } from '../../../renderer/src/lib/state/marks.svelte';
import { SelectionState } from '../../../renderer/src/lib/state/selection.svelte';
import { Toasts } from '../../../renderer/src/lib/state/toasts.svelte';
import { sampleApi, vid } from './fake-api';

async function loaded(prefs: { linkedWatched?: boolean } = { linkedWatched: true }) {
  const fake = sampleApi(prefs);
  // vid(1) (Intro to RL 2/3) and vid(4) (GAN lecture) stand for the two language versions of one lecture.
  const [one, , , four] = fake.state.lectures;
  one!.linkedVideoId = vid(4);
  four!.linkedVideoId = vid(1);
  four!.watched = false;
  const lib = new LibraryState(fake.api, new Toasts());
  await lib.load();
  lib.selectCourse('rl');
  return { fake, lib, sel: new SelectionState(lib), marks: new WatchMarks(lib), corrections: new CourseCorrections(lib) };
}

describe('SelectionState', () => {
  it('selects a range from the anchor in row order, toggles one, selects all and clears', async () => {
    const { lib, sel } = await loaded();
    expect(lib.rows).toEqual([vid(2), vid(1), vid(3)]);
    sel.clear(vid(2));
    sel.extendTo(vid(3));
    expect(sel.ids).toEqual([vid(2), vid(1), vid(3)]);
    // A range from the same anchor replaces the last one.
    sel.extendTo(vid(1));
    expect(sel.ids).toEqual([vid(2), vid(1)]);
    sel.toggle(vid(2));
    expect(sel.ids).toEqual([vid(1)]);
    // The toggled row is the new anchor.
    sel.toggle(vid(1));
    sel.extendTo(vid(3));
    expect(sel.ids).toEqual([vid(1), vid(3)]);
    sel.selectAll();
    expect(sel.count).toBe(3);
    sel.clear();
    expect(sel.count).toBe(0);
  });

  it('counts only the rows the playlist shows: another course leaves nothing selected out of sight', async () => {
    const { lib, sel } = await loaded();
    sel.selectAll();
    lib.selectCourse('gan');
    expect(sel.count).toBe(0);
    expect(sel.has(vid(2))).toBe(false);
    lib.selectCourse('rl');
    expect(sel.count).toBe(3);
  });
});

describe('many lectures at once', () => {
  it('moves the selection in one call', async () => {
    const { fake, lib, sel, corrections } = await loaded();
    sel.selectAll();
    expect(await corrections.moveLectures(sel.ids, { newCourseTitle: 'Picked' })).toBe(true);
    expect(fake.api.callsTo('moveLectures')).toEqual([{ videoIds: [vid(2), vid(1), vid(3)], newCourseTitle: 'Picked' }]);
    expect(lib.courses.find((c) => c.title === 'Picked')?.lectures).toEqual([vid(2), vid(1), vid(3)]);
  });

  it('offers one undo for the move, which puts every lecture back, until another correction replaces it', async () => {
    const { fake, lib, sel, corrections } = await loaded();
    const before = lib.courses.map((c) => ({ id: c.id, lectures: c.lectures }));
    expect(corrections.moveUndo).toBeNull();
    sel.selectAll();
    await corrections.moveLectures(sel.ids, { newCourseTitle: 'Picked' });
    expect(corrections.moveUndo?.message).toBe('Moved 3 lectures to Picked.');
    expect(await corrections.undoMove()).toBe(true);
    expect(fake.api.callsTo('undoMoveLectures')).toEqual([{}]);
    expect(lib.courses.map((c) => ({ id: c.id, lectures: c.lectures }))).toEqual(before);
    expect(corrections.moveUndo).toBeNull();
    expect(await corrections.undoMove()).toBe(false);

    await corrections.moveLectures([vid(1)], { newCourseTitle: 'Again' });
    await corrections.renameCourse('gan', 'GAN!');
    expect(corrections.moveUndo).toBeNull();
    expect(fake.api.callsTo('undoMoveLectures')).toHaveLength(1);
  });

  it('watching one version marks the other with the setting on; off (the default) it does not', async () => {
    const on = await loaded();
    await on.lib.setWatched(vid(1), true);
    expect(on.lib.byId.get(vid(4))!.watched).toBe(true);
    expect(on.fake.api.callsTo('setWatched')).toEqual([
      { videoId: vid(1), watched: true },
      { videoId: vid(4), watched: true },
    ]);
    const off = await loaded({});
    await off.lib.setWatched(vid(1), true);
    expect(off.lib.byId.get(vid(4))!.watched).toBe(false);
    expect(off.fake.api.callsTo('setWatched')).toEqual([{ videoId: vid(1), watched: true }]);
  });

  it('marks the selection with its linked versions, and one undo puts every lecture back', async () => {
    const { lib, marks } = await loaded();
    await lib.setWatched(vid(3), true, { linked: false });
    await marks.markMany([vid(2), vid(1), vid(3)], true, 'selection');
    expect([1, 2, 3, 4].map((n) => lib.byId.get(vid(n))!.watched)).toEqual([true, true, true, true]);
    expect(marks.undo?.message).toBe('Marked 2 lectures watched. Also 1 in the other language.');
    await marks.undoMark();
    // vid(3) was watched before the mark, so it stays watched.
    expect([1, 2, 3, 4].map((n) => lib.byId.get(vid(n))!.watched)).toEqual([false, false, true, false]);
    expect(marks.undo).toBeNull();
  });

  it('jumps to the other version and says there is none where there is none', async () => {
    const { lib } = await loaded();
    await lib.openLecture(vid(1));
    expect(lib.openLinked()).toBe(vid(4));
    await Promise.resolve();
    expect(lib.openId).toBe(vid(4));
    expect(lib.selectedCourseId).toBe('gan');
    await lib.openLecture(vid(2));
    expect(lib.openLinked()).toBeNull();
  });
});
