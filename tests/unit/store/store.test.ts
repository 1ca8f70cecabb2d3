// The Store on real files: persistence across restarts, the write queue's promise
// ("resolved" means "on disk"), failed writes, large data.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillingDisk, onDiskJson, useStores } from '../helpers/store';
import { DATA_FILE, type Store } from '../../../electron/main/store/store';
import { nth } from '../helpers/nth';
import { SCHEMA_VERSION } from '../../../electron/main/store/schema';
import { DEFAULT_PREFS } from '../../../electron/shared/prefs';

const { tempDir, openAt } = useStores('lc-store-');
const onDisk = (s: Store) => onDiskJson(s.dataDir);

describe('Store persistence', () => {
  it('starts empty in a new folder and writes nothing until a change', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    expect(s.status).toEqual({ state: 'ok', message: null, quarantinePath: null });
    expect(s.data.notes).toEqual({});
    expect(s.data.prefs).toEqual(DEFAULT_PREFS);
    expect(() => readFileSync(join(dir, DATA_FILE))).toThrow();
  });

  it('keeps every kind of change across a restart', async () => {
    const dir = tempDir();
    let t = 1_700_000_000_000;
    const s = await openAt(dir, () => t++);
    await s.setWatched('aaaaaaaaaaa', true);
    await s.setWatched('bbbbbbbbbbb', true);
    await s.setWatched('bbbbbbbbbbb', false);
    const { updatedAt } = await s.saveNote('aaaaaaaaaaa', '# Attention\nQ, K, V');
    await s.saveNote('ccccccccccc', 'to be deleted');
    await s.saveNote('ccccccccccc', '  \n ');
    await s.setCorrections({ moves: { aaaaaaaaaaa: 'ml2025' }, titles: { ml2025: 'ML 2025' } });
    const prefs = await s.setPrefs({ newestFirst: true, lastVideoId: 'aaaaaaaaaaa' });
    expect(prefs).toEqual({ ...DEFAULT_PREFS, newestFirst: true, lastVideoId: 'aaaaaaaaaaa' });
    await s.setWindow({ x: 1, y: 2, width: 900, height: 700, maximized: true });
    const before = JSON.parse(JSON.stringify(s.data));
    await s.close();

    const again = await openAt(dir);
    expect(again.status.state).toBe('ok');
    expect(JSON.parse(JSON.stringify(again.data))).toEqual(before);
    // The same device id after a restart, and the note's clock counts this device's edits.
    expect(again.data.deviceId).toBe(s.data.deviceId);
    // Three watched changes came first: they count on the same clock.
    expect(again.data.notes.aaaaaaaaaaa).toEqual({ text: '# Attention\nQ, K, V', updatedAt, clock: { [again.data.deviceId]: 4 } });
    expect(Object.keys(again.data.watched)).toEqual(['aaaaaaaaaaa']);
    expect(again.data.notes.ccccccccccc).toBeUndefined();
    expect(onDisk(again).schemaVersion).toBe(SCHEMA_VERSION);
    expect(Object.keys(again.data.unwatched)).toEqual(['bbbbbbbbbbb']);
  });

  it('keeps the time of the first watched mark', async () => {
    let t = 1000;
    const s = await openAt(tempDir(), () => t);
    await s.setWatched('aaaaaaaaaaa', true);
    t = 5000;
    await s.setWatched('aaaaaaaaaaa', true);
    expect(onDisk(s).watched).toEqual({ aaaaaaaaaaa: { at: 1000, clock: { [s.data.deviceId]: 1 } } });
  });

  it('treats ids like "constructor" as plain ids, not as Object.prototype members', async () => {
    const s = await openAt(tempDir());
    expect(s.data.notes['constructor']).toBeUndefined();
    expect(s.data.watched['toString']).toBeUndefined();
    await s.saveNote('constructor', 'a real note');
    expect(onDisk(s).notes.constructor.text).toBe('a real note');
  });
});

describe('write queue', () => {
  it('resolves each of 100 rapid saveNote calls only once its own text is on disk', async () => {
    const s = await openAt(tempDir());
    const checked: boolean[] = [];
    const calls = Array.from({ length: 100 }, (_, i) => {
      const id = `n${String(i).padStart(10, '0')}`;
      const text = `note ${i} ` + 'x'.repeat(i * 50);
      return s.saveNote(id, text).then(() => {
        // Read synchronously inside the resolve callback: nothing can run in between.
        checked[i] = onDisk(s).notes[id]?.text === text;
      });
    });
    await Promise.all(calls);
    expect(checked.filter(Boolean)).toHaveLength(100);
  });

  it('on one id, each resolve finds its own or a later text on disk, never an earlier one', async () => {
    const s = await openAt(tempDir());
    const seen: number[] = [];
    const calls: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      calls.push(
        s.saveNote('aaaaaaaaaaa', `v${i}`).then(() => {
          seen[i] = Number(onDisk(s).notes.aaaaaaaaaaa.text.slice(1)) - i;
        }),
      );
      if (i % 10 === 0) await new Promise((r) => setImmediate(r)); // let some writes start mid-stream
    }
    await Promise.all(calls);
    expect(seen).toHaveLength(100);
    expect(seen.every((d) => d >= 0)).toBe(true);
    expect(onDisk(s).notes.aaaaaaaaaaa.text).toBe('v99');
  });

  it('coalesces a burst into few writes instead of one per call', async () => {
    const s = await openAt(tempDir());
    let resolvedBeforeLast = 0;
    let lastDone = false;
    const calls = Array.from({ length: 50 }, (_, i) =>
      s.setWatched(`w${String(i).padStart(10, '0')}`, true).then(() => {
        if (!lastDone) resolvedBeforeLast++;
      }),
    );
    await Promise.all(calls);
    lastDone = true;
    // All 50 were made in one tick, so one write carries them all and they resolve together.
    expect(resolvedBeforeLast).toBe(50);
    expect(Object.keys(onDisk(s).watched)).toHaveLength(50);
  });

  it('rejects when the write fails, and a later write does not carry the refused change', async () => {
    const dir = tempDir();
    const disk = fillingDisk();
    const s = await openAt(dir, undefined, disk.fs);
    await s.saveNote('aaaaaaaaaaa', 'first');
    disk.state.full = true;
    await expect(s.saveNote('bbbbbbbbbbb', 'second')).rejects.toThrow();
    expect(onDisk(s).notes.bbbbbbbbbbb).toBeUndefined();
    disk.state.full = false;
    await s.saveNote('ccccccccccc', 'third');
    expect(Object.keys(onDisk(s).notes).sort()).toEqual(['aaaaaaaaaaa', 'ccccccccccc']);
  });

  it('flush waits for pending writes and close releases the folder', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    void s.saveNote('aaaaaaaaaaa', 'pending');
    await s.flush();
    expect(onDisk(s).notes.aaaaaaaaaaa.text).toBe('pending');
    await s.flush(); // idle: resolves without a write
    await s.close();
    const again = await openAt(dir);
    expect(again.data.notes.aaaaaaaaaaa?.text).toBe('pending');
  });
});

describe('large data', () => {
  it('saves and loads a 1 MB note', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    const text = ('注意力機制 attention ' + 'Transformer\n').repeat(40_000).slice(0, 1_000_000);
    await s.saveNote('aaaaaaaaaaa', text);
    await s.close();
    const again = await openAt(dir);
    expect(again.data.notes.aaaaaaaaaaa?.text).toBe(text);
  });

  it('saves and loads 10,000 notes', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    const ids = Array.from({ length: 10_000 }, (_, i) => `x${String(i).padStart(10, '0')}`);
    await Promise.all(ids.map((id, i) => s.saveNote(id, `note ${i}: ${'word '.repeat(40)}`)));
    await s.setWatched(nth(ids, 9_999), true);
    await s.close();
    const again = await openAt(dir);
    expect(Object.keys(again.data.notes)).toHaveLength(10_000);
    expect(again.data.notes[nth(ids, 1234)]?.text.startsWith('note 1234: ')).toBe(true);
    expect(again.data.watched[nth(ids, 9_999)]?.at).toBeTypeOf('number');
  });
});

describe('incremental file encoding', () => {
  it('after any sequence of changes, the file parses to exactly the data in memory', async () => {
    const dir = tempDir();
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids = [
      'constructor',
      '__proto__x',
      'quo"te\\id',
      '換行\nid',
      'emoji😀id',
      ...Array.from({ length: 300 }, (_, i) => `r${String(i).padStart(10, '0')}`),
    ];
    const texts = [
      'plain',
      'a "quoted" \\ text\nwith lines\t',
      '\u2028\u2029 separators',
      '半角・全角 😀',
      '\ud800 lone surrogate',
      '  ',
      '',
    ];
    let t = 1;
    let s = await openAt(dir, () => t++);
    // A second computer editing and deleting the same notes, and earlier exports of this
    // one: merging them moves notes in and out of deletedNotes (tombstones) both ways.
    const other = await openAt(tempDir(), () => t++);
    const exports: string[] = [];
    const kinds = { deletes: 0, tombstonesMerged: 0, restoredOrDeletedByMerge: 0 };
    for (let step = 0; step < 1500; step++) {
      const id = nth(ids, Math.floor(rand() * ids.length));
      const r = rand();
      if (r < 0.4) await s.saveNote(id, nth(texts, Math.floor(rand() * texts.length)) + step);
      else if (r < 0.5) {
        if (Object.hasOwn(s.data.notes, id)) kinds.deletes++;
        await s.saveNote(id, '');
      } else if (r < 0.56) await other.saveNote(id, rand() < 0.5 ? '' : `other ${step}`);
      else if (r < 0.6) {
        const from = rand() < 0.5 && exports.length ? nth(exports, Math.floor(rand() * exports.length)) : other.exportBackup();
        const report = await s.mergeBackup(from);
        kinds.restoredOrDeletedByMerge += report.added + report.updated + report.conflicts;
        if (Object.keys(JSON.parse(from).deletedNotes).length) kinds.tombstonesMerged++;
        if (rand() < 0.3) await other.mergeBackup(s.exportBackup());
      } else await s.setWatched(id, rand() < 0.6);
      if (step % 50 === 49) exports.push(s.exportBackup());
      if (step % 300 === 299) {
        expect(onDisk(s)).toEqual(JSON.parse(JSON.stringify(s.data)));
        for (const id of Object.keys(s.data.deletedNotes)) expect(Object.hasOwn(s.data.notes, id), id).toBe(false);
        await s.close(); // reopen: the encoder is rebuilt from the loaded data
        s = await openAt(dir, () => t++);
      }
    }
    await s.mergeBackup(JSON.stringify({ schemaVersion: 1, watched: { merged00000: true } }));
    await s.saveNote('after-merge', 'x');
    expect(onDisk(s)).toEqual(JSON.parse(JSON.stringify(s.data)));
    expect(s.data.watched.merged00000?.at).toBeTypeOf('number');
    // The sequence exercised what it is meant to.
    expect(kinds.deletes).toBeGreaterThan(50);
    expect(kinds.tombstonesMerged).toBeGreaterThan(10);
    expect(kinds.restoredOrDeletedByMerge).toBeGreaterThan(10);
    expect(Object.keys(s.data.deletedNotes).length).toBeGreaterThan(10);
  });
});

describe('Store prefs added after v3', () => {
  it('fills language, theme, auto-mark, Next up, goal and dismissal from defaults for a file without them, and keeps them once set', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.setPrefs({ newestFirst: true });
    await s.close();
    const onDisk = JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8'));
    for (const k of ['language', 'theme', 'autoMarkShare', 'afterLast', 'dailyGoal', 'dismissedRecovery']) delete onDisk.prefs[k];
    writeFileSync(join(dir, DATA_FILE), JSON.stringify(onDisk));
    const old = await openAt(dir);
    expect(old.status.state).toBe('ok');
    expect(old.data.prefs).toEqual({ ...DEFAULT_PREFS, newestFirst: true });
    const later = {
      language: 'zh-TW',
      theme: 'dark',
      autoMarkShare: null,
      afterLast: 'stop',
      dailyGoal: 3,
      dismissedRecovery: 'x.json',
    } as const;
    await old.setPrefs(later);
    await old.close();
    const again = await openAt(dir);
    expect(again.data.prefs).toEqual({ ...DEFAULT_PREFS, newestFirst: true, ...later });
  });
});
