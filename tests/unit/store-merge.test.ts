// Merging backups by note clocks (version vectors), and notes saved while an import or
// a restore is in flight: on real files, reopening the store to see what reached disk.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStores } from './helpers/store';
import { dailyName } from '../../electron/main/store/backups';
import { clockJoin, clockLeq, conflictText } from '../../electron/main/store/merge';
import { DATA_FILE, type Store } from '../../electron/main/store/store';

const DAY = 86_400_000;
// Local noon, so that a few hours either way stay on the same local date in any time zone.
const BASE = new Date(2025, 2, 1, 12, 0, 0).getTime();
const { tempDir, openAt } = useStores('lc-merge-', () => BASE);
async function reopen(s: Store, now?: () => number): Promise<Store> {
  await s.close();
  return openAt(s.dataDir, now);
}
const ZERO = { added: 0, updated: 0, conflicts: 0, watched: 0 };
const backupFiles = (dir: string, prefix: string) => readdirSync(join(dir, 'backups')).filter((n) => n.startsWith(prefix));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('clocks', () => {
  it('compares and joins componentwise, missing components counting as 0', () => {
    expect(clockLeq({}, { a: 1 })).toBe(true);
    expect(clockLeq({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(clockLeq({ a: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(clockLeq({ c: 1 }, { a: 1 })).toBe(false);
    expect(clockLeq({ a: 0 }, {})).toBe(true);
    expect({ ...clockJoin({ a: 1, b: 5 }, { a: 3, c: 1 }) }).toEqual({ a: 3, b: 5, c: 1 });
  });

  it('a device id is made once and kept; only a changed text counts as an edit', async () => {
    const dir = tempDir();
    let s = await openAt(dir);
    const dev = s.data.deviceId;
    expect(dev).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    await s.saveNote('aaaaaaaaaaa', 'one');
    await s.saveNote('bbbbbbbbbbb', 'two');
    await s.saveNote('aaaaaaaaaaa', 'one, edited');
    await s.saveNote('aaaaaaaaaaa', 'one, edited'); // autosave of the same text
    expect({ ...s.data.notes.aaaaaaaaaaa.clock }).toEqual({ [dev]: 3 });
    expect({ ...s.data.notes.bbbbbbbbbbb.clock }).toEqual({ [dev]: 2 });
    s = await reopen(s);
    expect(s.data.deviceId).toBe(dev);
    expect(s.data.deviceSeq).toBe(3);
    const file = readJson(s.file);
    expect(file).toMatchObject({ deviceId: dev, deviceSeq: 3, notes: { aaaaaaaaaaa: { clock: { [dev]: 3 } } } });
    // The export carries the device id and the clocks.
    expect(JSON.parse(s.exportBackup())).toMatchObject({ deviceId: dev, deviceSeq: 3, notes: { bbbbbbbbbbb: { text: 'two', clock: { [dev]: 2 } } } });
  });

  it('loads a v2 file from before clocks, gives it a device id and keeps it once written', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, DATA_FILE),
      JSON.stringify({
        schemaVersion: 2,
        watched: {},
        notes: { aaaaaaaaaaa: { text: 'old note', updatedAt: BASE } },
        corrections: { moves: {}, titles: {} },
        prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
        window: null,
      }),
    );
    let s = await openAt(dir);
    expect(s.status.state).toBe('ok');
    expect(s.data.notes.aaaaaaaaaaa).toEqual({ text: 'old note', updatedAt: BASE });
    await s.saveNote('aaaaaaaaaaa', 'old note, edited');
    const dev = s.data.deviceId;
    s = await reopen(s);
    expect(s.data.deviceId).toBe(dev);
    expect({ ...s.data.notes.aaaaaaaaaaa.clock }).toEqual({ [dev]: 1 });
  });

  it('a sequence lower than the clocks in the file is raised, so no number is used twice', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, DATA_FILE),
      JSON.stringify({
        schemaVersion: 2,
        deviceId: 'dev-A',
        deviceSeq: 1,
        watched: {},
        notes: { aaaaaaaaaaa: { text: 'x', updatedAt: BASE, clock: { 'dev-A': 7 } } },
        corrections: { moves: {}, titles: {} },
        prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
        window: null,
      }),
    );
    const s = await openAt(dir);
    await s.saveNote('bbbbbbbbbbb', 'y');
    expect({ ...s.data.notes.bbbbbbbbbbb.clock }).toEqual({ 'dev-A': 8 });
  });
});

describe('merge by clocks', () => {
  it('importing an older backup of this computer changes nothing, however much was rewritten since', async () => {
    const s = await openAt(tempDir());
    await s.saveNote('aaaaaaaaaaa', 'first draft about attention');
    await s.saveNote('bbbbbbbbbbb', 'kept as is');
    const older = s.exportBackup();
    await s.saveNote('aaaaaaaaaaa', 'Completely rewritten: self-attention weighs every token');
    await s.saveNote('bbbbbbbbbbb', 'also rewritten');
    const before = JSON.stringify(s.data);
    expect(await s.mergeBackup(older)).toEqual(ZERO);
    expect(JSON.stringify(s.data)).toBe(before);
    expect(s.data.notes.aaaaaaaaaaa.text).toBe('Completely rewritten: self-attention weighs every token');
    // Nothing changed, so nothing was backed up or written.
    expect(existsSync(join(s.dataDir, 'backups'))).toBe(false);
  });

  it('between two computers: a later edit wins, independent edits keep both texts, and merging back does not double', async () => {
    let ta = BASE;
    let tb = BASE;
    const a = await openAt(tempDir(), () => ta);
    const b = await openAt(tempDir(), () => tb);
    expect(a.data.deviceId).not.toBe(b.data.deviceId);

    await a.saveNote('aaaaaaaaaaa', 'A: notes on lecture 1');
    expect(await b.mergeBackup(a.exportBackup())).toEqual({ ...ZERO, added: 1 });

    // B rewrites it (no prefix relation, and B's edit time is even earlier): B descends from A, so B wins.
    tb = BASE - 3600_000;
    await b.saveNote('aaaaaaaaaaa', 'B: rewritten on the laptop');
    expect(await a.mergeBackup(b.exportBackup())).toEqual({ ...ZERO, updated: 1 });
    expect(a.data.notes.aaaaaaaaaaa.text).toBe('B: rewritten on the laptop');
    expect(await b.mergeBackup(a.exportBackup())).toEqual(ZERO);

    // Both edit independently: a conflict, both texts kept in the existing marked format.
    ta = BASE + 7200_000;
    tb = BASE + 3600_000;
    await a.saveNote('aaaaaaaaaaa', 'A: desktop version');
    await b.saveNote('aaaaaaaaaaa', 'B: laptop version');
    const fromB = b.exportBackup();
    expect(await a.mergeBackup(fromB)).toEqual({ ...ZERO, conflicts: 1 });
    const merged = a.data.notes.aaaaaaaaaaa;
    expect(merged.text).toBe(conflictText('A: desktop version', { text: 'B: laptop version', updatedAt: BASE + 3600_000 }, 'backup'));
    expect(merged.updatedAt).toBe(BASE + 7200_000);
    const [da, db] = [a.data.deviceId, b.data.deviceId];
    // The joined clock, bumped by the merging device.
    expect({ ...merged.clock }).toEqual({ [da]: a.data.deviceSeq, [db]: 2 });
    expect(a.data.deviceSeq).toBe(3);
    expect(backupFiles(a.dataDir, 'before-merge')).toHaveLength(2);

    // Merging the same file again, or B taking A's result, doubles nothing.
    expect(await a.mergeBackup(fromB)).toEqual(ZERO);
    expect(await b.mergeBackup(a.exportBackup())).toEqual({ ...ZERO, updated: 1 });
    expect(b.data.notes.aaaaaaaaaaa.text).toBe(merged.text);
    expect(await a.mergeBackup(b.exportBackup())).toEqual(ZERO);

    // And on disk after a restart.
    const again = await reopen(a, () => ta);
    expect(again.data.notes.aaaaaaaaaaa.text).toBe(merged.text);
  });

  it('equal clocks with different texts (a data folder copied to a second computer) keep both', async () => {
    const a = await openAt(tempDir());
    await a.saveNote('aaaaaaaaaaa', 'shared start');
    await a.flush();
    const copy = tempDir();
    copyFileSync(a.file, join(copy, DATA_FILE));
    const c = await openAt(copy);
    expect(c.data.deviceId).toBe(a.data.deviceId);
    await a.saveNote('aaaaaaaaaaa', 'edited here');
    await c.saveNote('aaaaaaaaaaa', 'edited on the copy');
    expect(await a.mergeBackup(c.exportBackup())).toEqual({ ...ZERO, conflicts: 1 });
    expect(a.data.notes.aaaaaaaaaaa.text).toContain('edited here');
    expect(a.data.notes.aaaaaaaaaaa.text).toContain('edited on the copy');
  });

  it('without clocks on one side, falls back to comparing texts', async () => {
    const s = await openAt(tempDir());
    await s.saveNote('aaaaaaaaaaa', 'Attention is all you need');
    await s.saveNote('bbbbbbbbbbb', 'mine');
    const plain = (notes: Record<string, unknown>) =>
      JSON.stringify({ schemaVersion: 2, watched: {}, notes, corrections: { moves: {}, titles: {} }, prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null }, window: null });
    const report = await s.mergeBackup(
      plain({
        aaaaaaaaaaa: { text: 'Attention is', updatedAt: BASE - DAY }, // an older prefix: contained
        bbbbbbbbbbb: { text: 'theirs', updatedAt: BASE - DAY }, // neither contains the other
      }),
    );
    expect(report).toEqual({ ...ZERO, conflicts: 1 });
    expect(s.data.notes.aaaaaaaaaaa.text).toBe('Attention is all you need');
    expect(s.data.notes.bbbbbbbbbbb.text).toMatch(/^mine\n\n---\n<!-- merged from backup .*-->\ntheirs$/);
  });

  it('after restoring an older backup, new edits still count as newer than the ones it undid', async () => {
    const dir = tempDir();
    let s = await openAt(dir, () => BASE);
    await s.saveNote('aaaaaaaaaaa', 'v1');
    s = await reopen(s, () => BASE + DAY); // today's daily holds v1
    await s.saveNote('aaaaaaaaaaa', 'v2');
    const dev = s.data.deviceId;
    const exportedV2 = s.exportBackup();
    await s.restoreBackup(dailyName(BASE + DAY));
    expect(s.data.notes.aaaaaaaaaaa.text).toBe('v1');
    expect(s.data.deviceId).toBe(dev);
    expect(s.data.deviceSeq).toBe(2);
    await s.saveNote('aaaaaaaaaaa', 'v3 after the restore');
    expect({ ...s.data.notes.aaaaaaaaaaa.clock }).toEqual({ [dev]: 3 });
    expect(await s.mergeBackup(exportedV2)).toEqual(ZERO);
    expect(s.data.notes.aaaaaaaaaaa.text).toBe('v3 after the restore');
  });
});

/**
 * Save notes, one per turn of the event loop, while `op` is in flight (and a few more
 * turns after, up to `max`): some land while its backup is being written. Returns the
 * ids of the acknowledged notes.
 */
async function saveWhile(s: Store, op: Promise<unknown>, max = 40): Promise<{ acked: string[]; during: number }> {
  let done = false;
  const finished = op.finally(() => (done = true));
  const acked: string[] = [];
  const saves: Promise<void>[] = [];
  let during = 0;
  for (let i = 0; i < max; i++) {
    const id = `typed${String(i).padStart(6, '0')}`;
    if (!done) during++;
    saves.push(s.saveNote(id, `typed while busy ${i}`).then(() => void acked.push(id)));
    if (done) break;
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all([finished, ...saves]);
  return { acked, during };
}

describe('notes saved while an import or a restore is in flight', () => {
  it('import: every note acknowledged during the merge is in the merged data on disk', async () => {
    const dir = tempDir();
    let s = await openAt(dir);
    await s.saveNote('aaaaaaaaaaa', 'mine');
    const incoming = await (async () => {
      const other = await openAt(tempDir());
      await other.saveNote('bbbbbbbbbbb', 'from the other computer');
      await other.saveNote('aaaaaaaaaaa', 'theirs');
      return other.exportBackup();
    })();
    const { acked, during } = await saveWhile(s, s.mergeBackup(incoming));
    expect(during).toBeGreaterThan(1);
    s = await reopen(s);
    for (const id of acked) expect(s.data.notes[id]?.text, id).toMatch(/^typed while busy/);
    expect(s.data.notes.bbbbbbbbbbb.text).toBe('from the other computer');
    expect(s.data.notes.aaaaaaaaaaa.text).toContain('theirs');
    // One before-merge backup (outdated attempts are replaced), holding the data as it was.
    const before = backupFiles(dir, 'before-merge');
    expect(before).toHaveLength(1);
    const saved = readJson(join(dir, 'backups', before[0]));
    expect(saved.notes.aaaaaaaaaaa.text).toBe('mine');
    expect(saved.notes.bbbbbbbbbbb).toBeUndefined();
  });

  it('restore: every note acknowledged before the restore took effect is in the before-restore backup', async () => {
    const dir = tempDir();
    let s = await openAt(dir, () => BASE);
    await s.saveNote('aaaaaaaaaaa', 'old');
    s = await reopen(s, () => BASE + DAY);
    await s.saveNote('aaaaaaaaaaa', 'rewritten today');
    const { acked, during } = await saveWhile(s, s.restoreBackup(dailyName(BASE + DAY)));
    expect(during).toBeGreaterThan(1);
    s = await reopen(s, () => BASE + DAY);
    const before = backupFiles(dir, 'before-restore');
    expect(before).toHaveLength(1);
    const saved = readJson(join(dir, 'backups', before[0]));
    expect(saved.notes.aaaaaaaaaaa.text).toBe('rewritten today');
    // Each acknowledged note is either in the backup taken just before the restore or,
    // saved after the restore took effect, in the live data.
    let inBackup = 0;
    for (const id of acked) {
      const kept = saved.notes[id]?.text ?? s.data.notes[id]?.text;
      expect(kept, id).toMatch(/^typed while busy/);
      if (saved.notes[id]) inBackup++;
    }
    expect(inBackup).toBeGreaterThan(0);
    expect(s.data.notes.aaaaaaaaaaa.text).toBe('old');
  });
});
