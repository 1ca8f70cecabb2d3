// A large import (issue 14, item 8): a ~39 MB backup is read in a worker thread and taken
// back a slice at a time, so other requests are answered while it is read; the result is
// the same as reading it in one go, limits included; and a note saved while the import
// runs is part of the merge. Progress is asserted by counting turns of the event loop and
// by the order of answers, never by time.
import { describe, expect, it } from 'vitest';
import { turnCounter } from '../unit/helpers/turns';
import { useStores } from '../unit/helpers/store';
import { openService, tempDir as serviceDir } from '../unit/helpers/service';
import { readBackupHere, readBackupText, OFF_THREAD_MIN_CHARS } from '../../electron/main/store/import-thread';
import type { Store } from '../../electron/main/store/store';
import { decodeLibrary } from '../../electron/shared/contract';

const { tempDir, openAt } = useStores('lc-import-large-');
const N = 10_000;
const id = (i: number) => `b${String(i).padStart(10, '0')}`;
// ~3.9 kB of text per note, Chinese and English with an emoji, as in the bench: 10,000 make ~39 MB.
const text = (i: number) => `${i} 大型匯入 big import line 🎓; `.repeat(140);

/** A real backup as the app exports it, of `n` notes (and every third lecture watched). */
async function bigBackup(n = N, key = id): Promise<string> {
  const other = await openAt(tempDir());
  await Promise.all(Array.from({ length: n }, (_, i) => other.saveNote(key(i), text(i))));
  await Promise.all(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? other.setWatched(key(i), true) : null)));
  // A hostile entry the limits must leave out, also off the main thread.
  const backup = other.exportBackup().replace('"notes": {', '"notes": {\n    "a/b": { "text": "a path in a key", "updatedAt": 1 },');
  // As a transport hands it over: a flat string out of JSON.parse.
  return JSON.parse(JSON.stringify(backup)) as string;
}

describe('a large import', () => {
  it('is read off the main thread, with the same outcome as reading it in one go', { timeout: 300_000 }, async () => {
    // 8 MB: enough for many slices; the 39 MB case is merged below.
    const backup = await bigBackup(2_000);
    expect(backup.length).toBeGreaterThan(7_000_000);
    const now = Date.now();
    const counter = turnCounter();
    const read = await readBackupText(backup, now);
    const turns = counter.stop();
    // It yields at least once per 256k characters encoded and per slice taken back: over
    // 50 turns for 8 MB. Reading in one go (as before) allows none.
    expect(turns).toBeGreaterThan(50);
    const here = readBackupHere(backup, now);
    expect(read.skipped).toEqual(here.skipped);
    expect(read.skipped?.reasons.join()).toMatch(/not a video id/);
    // (Compared as JSON: a deep toEqual of 39 MB of records takes minutes.)
    expect(read.outcome.kind).toBe('current');
    expect(JSON.stringify(read.outcome) === JSON.stringify(here.outcome)).toBe(true);
    // The records are prototype-free again after the trip through the worker.
    const data = read.outcome.kind === 'current' ? read.outcome.data : null;
    expect(data && Object.getPrototypeOf(data.notes)).toBeNull();
    expect(data && Object.getPrototypeOf(data.notes[id(7)]!.clock)).toBeNull();
    expect(data && Object.getPrototypeOf(data.watched)).toBeNull();
  });

  it("gives the player's positions and history back prototype-free too", { timeout: 300_000 }, async () => {
    // "constructor" is a valid video id (11 characters): on a plain object it would find
    // Object's own constructor instead of nothing.
    const data = JSON.parse(await bigBackup(300)) as Record<string, unknown>;
    data.playback = { constructor: { position: 754, duration: 3000, at: 1 } };
    data.watchTime = { '2026-12-01': { constructor: 120 } };
    const backup = JSON.stringify(data);
    expect(backup.length).toBeGreaterThan(OFF_THREAD_MIN_CHARS);
    const read = await readBackupText(backup, Date.now());
    const out = read.outcome.kind === 'current' ? read.outcome.data : null;
    expect(out?.playback.constructor).toEqual({ position: 754, duration: 3000, at: 1 });
    expect(out && Object.getPrototypeOf(out.playback)).toBeNull();
    expect(out && Object.getPrototypeOf(out.watchTime)).toBeNull();
    expect(out?.watchTime['2026-12-01']?.constructor).toBe(120);
    expect(out && Object.getPrototypeOf(out.watchTime['2026-12-01'])).toBeNull();
  });

  it('an invalid large file is refused with the reason, as a small one is', { timeout: 120_000 }, async () => {
    const junk = `{"schemaVersion": 3, "notes": ${'['.repeat(10)}${' '.repeat(OFF_THREAD_MIN_CHARS)}`;
    const s = await openAt(tempDir());
    await expect(s.mergeBackup(junk)).rejects.toThrow(/not a Lecture Companion backup: it is not valid JSON/);
  });

  it('merges every note of a 39 MB backup, and a note saved while it runs is kept', { timeout: 300_000 }, async () => {
    const backup = await bigBackup();
    expect(backup.length).toBeGreaterThan(35_000_000);
    const s: Store = await openAt(tempDir());
    await s.saveNote(id(1), 'written here before the import');
    const importing = s.mergeBackup(backup);
    // Saved after the import began (while the backup is being read): must survive the merge,
    // whenever its write lands relative to the import's.
    await new Promise((r) => setImmediate(r));
    await s.saveNote(id(N + 1), 'saved during the import');
    const report = await importing;
    expect(report).toMatchObject({ added: N - 1, conflicts: 1, watched: Math.ceil(N / 3) });
    expect(report.skipped?.count).toBe(1);
    expect(s.data.notes[id(N + 1)]?.text).toBe('saved during the import');
    expect(s.data.notes[id(9_999)]?.text).toBe(text(9_999));
    expect(s.data.notes[id(1)]?.text).toContain('written here before the import');
    expect(s.data.notes[id(1)]?.text).toContain(text(1));
    expect(Object.keys(s.data.notes)).toHaveLength(N + 1);
    // And all of it is on disk: a restart reads the same.
    const dir = s.dataDir;
    await s.close();
    const again = await openAt(dir);
    expect(Object.keys(again.data.notes)).toHaveLength(N + 1);
    expect(again.data.notes[id(N + 1)]?.text).toBe('saved during the import');
  });

  it('getLecture is answered while the service imports', { timeout: 300_000 }, async () => {
    const { service } = await openService(serviceDir('lc-import-svc-'));
    try {
      const lectures = decodeLibrary(await service.getLibrary()).lectures.map((l) => l.videoId);
      const n = Math.min(lectures.length, 2_000);
      const backup = await bigBackup(n, (i) => lectures[i]!);
      const first = lectures[0]!;
      const order: string[] = [];
      const importing = service.importBackup({ content: backup }).then(() => order.push('import'));
      const counter = turnCounter();
      // Ask again and again, a turn apart, until the import is done.
      let answered = 0;
      let noteSeen: string | undefined;
      while (!order.includes('import')) {
        const l = await service.getLecture({ videoId: first });
        noteSeen = l.note?.text;
        if (!order.includes('import')) answered++;
        await new Promise((r) => setImmediate(r));
      }
      await importing;
      const turns = counter.stop();
      // Answered before the import finished, and each turn allowed one: the loop was never held.
      expect(answered).toBeGreaterThan(10);
      expect(turns).toBeGreaterThanOrEqual(answered);
      expect(noteSeen).toBe(text(0));
      expect((await service.getLecture({ videoId: lectures[n - 1]! })).note?.text).toBe(text(n - 1));
    } finally {
      await service.close();
    }
  });
});
