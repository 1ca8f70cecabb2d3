// A watched toggle or an autosave changes one lecture in place: the library, its columns,
// the other lectures and the playlist rows stay the same objects, and only what read the
// changed lecture runs again. (At 10,000 lectures, rebuilding them per keystroke shows.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { LibraryState } from '../../../renderer/src/lib/state/library.svelte';
import { Toasts } from '../../../renderer/src/lib/state/toasts.svelte';
import { sampleApi, vid } from './fake-api';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

async function loaded() {
  const fake = sampleApi();
  const lib = new LibraryState(fake.api, new Toasts());
  await lib.load();
  return { fake, lib };
}

/** Counts how often an effect reading `read` runs (its first run included). */
function runsOf(read: () => unknown) {
  const counter = { runs: 0 };
  stop = $effect.root(() => {
    $effect(() => {
      read();
      counter.runs++;
    });
  });
  flushSync();
  return counter;
}

describe('LibraryState updates touch only what changed', () => {
  it('a watched toggle keeps the library, the lectures, the rows and the progress map, and moves the counts', async () => {
    const { lib } = await loaded();
    const library = lib.library!;
    const data = lib.byId;
    const columns = data.columns;
    const entries = [1, 2, 3, 4].map((n) => lib.byId.get(vid(n)));
    const rows = lib.rows;
    const progress = lib.progressByCourse;
    const otherRow = runsOf(() => lib.byId.get(vid(1))!.watched);
    const ganProgress = runsOf(() => lib.progressByCourse.get('gan')!.watched);

    await lib.setWatched(vid(2), true);
    flushSync();

    expect(lib.library).toBe(library);
    expect(lib.byId).toBe(data);
    expect(lib.byId.columns).toBe(columns);
    [1, 2, 3, 4].forEach((n, i) => expect(lib.byId.get(vid(n))).toBe(entries[i]));
    expect(lib.rows).toBe(rows);
    expect(lib.progressByCourse).toBe(progress);
    expect(lib.byId.get(vid(2))!.watched).toBe(true);
    expect(lib.progressByCourse.get('rl')!.watched).toBe(1);
    expect(lib.overall).toEqual({ watched: 2, total: 4 });
    // Nothing that read another lecture or another course ran again.
    expect(otherRow.runs).toBe(1);
    expect(ganProgress.runs).toBe(1);
  });

  it('noteSaved with no change triggers no update; a change updates that lecture only', async () => {
    const { lib } = await loaded();
    const library = lib.library!;
    const reads = runsOf(() => [lib.library, lib.byId.get(vid(1))!.hasNote]);

    lib.noteSaved(vid(1), false); // it had no note: nothing changes
    flushSync();
    expect(reads.runs).toBe(1);

    lib.noteSaved(vid(1), true);
    flushSync();
    expect(reads.runs).toBe(2);
    expect(lib.library).toBe(library);
    expect(lib.byId.get(vid(1))!.hasNote).toBe(true);

    lib.noteSaved(vid(1), true); // autosave again, still has a note
    flushSync();
    expect(reads.runs).toBe(2);
  });
});

describe('a first answer with only the first screen’s titles', () => {
  /** The service's first answer: the GAN course's title and date left out. */
  function firstScreenApi() {
    const fake = sampleApi();
    const full = fake.api.getLibrary.getMockImplementation()!;
    fake.api.getLibrary.mockImplementation(async (args) => {
      const lib = await full(args);
      if (!args?.firstScreen) return lib;
      const titles = lib.lectures.titles.map((t, r) => (lib.lectures.ids[r] === vid(4) ? '' : t));
      return { ...lib, lectures: { ...lib.lectures, titles }, firstScreen: true as const };
    });
    return fake;
  }

  it('asks for the rest at once, and a row drawn before it came shows its title when it does', async () => {
    const fake = firstScreenApi();
    let answer!: (t: { titles: string[]; dates: string[] }) => void;
    const text = fake.api.getLectureText.getMockImplementation()!;
    fake.api.getLectureText.mockImplementation(() => new Promise((ok) => (answer = ok)));
    const lib = new LibraryState(fake.api, new Toasts());
    await lib.load();
    expect(fake.api.getLibrary).toHaveBeenCalledWith({ firstScreen: true });
    await vi.waitFor(() => expect(fake.api.getLectureText).toHaveBeenCalledTimes(1)); // once the first rows are drawn
    const gan = runsOf(() => lib.byId.get(vid(4))!.title);
    expect(lib.byId.get(vid(4))!.title).toBe('');
    expect(lib.byId.get(vid(2))!.title).toBe('Intro to RL (1/3)');
    expect(lib.byId.textComplete).toBe(false);

    answer(await text());
    await vi.waitFor(() => expect(lib.byId.textComplete).toBe(true));
    flushSync();
    expect(lib.byId.get(vid(4))!.title).toBe('GAN lecture');
    expect(lib.byId.textComplete).toBe(true);
    expect(gan.runs).toBe(2);
  });

  it('says so when the rest cannot be had, and keeps what it has', async () => {
    const fake = firstScreenApi();
    fake.api.getLectureText.mockRejectedValue(new Error('disk gone'));
    const toasts = new Toasts();
    const lib = new LibraryState(fake.api, toasts);
    await lib.load();
    await vi.waitFor(() => expect(toasts.items.map((t) => t.message).join()).toMatch(/titles could not be loaded/));
    expect(lib.byId.get(vid(2))!.title).toBe('Intro to RL (1/3)');
    expect(lib.loadError).toBeNull();
  });

  it('refuses a text answer of the wrong length, and says so', async () => {
    const fake = firstScreenApi();
    fake.api.getLectureText.mockResolvedValue({ titles: ['one'], dates: [''] });
    const toasts = new Toasts();
    const lib = new LibraryState(fake.api, toasts);
    await lib.load();
    await vi.waitFor(() => expect(toasts.items.map((t) => t.message).join()).toMatch(/1 titles for 4 lectures/));
    expect(lib.byId.textComplete).toBe(false);
    expect(lib.byId.get(vid(2))!.title).toBe('Intro to RL (1/3)');
  });
});
