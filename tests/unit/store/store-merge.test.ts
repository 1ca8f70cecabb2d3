// Merging backups by note clocks (version vectors), and notes saved while an import or
// a restore is in flight: on real files, reopening the store to see what reached disk.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onDiskJson, useStores } from '../helpers/store';
import { dailyName } from '../../../electron/main/store/backups';
import { clockJoin, clockLeq, conflictText } from '../../../electron/main/store/merge';
import { DATA_FILE, type Store } from '../../../electron/main/store/store';
import { nth } from '../helpers/nth';

const DAY = 86_400_000;
// Local noon, so that a few hours either way stay on the same local date in any time zone.
const BASE = new Date(2025, 2, 1, 12, 0, 0).getTime();
const { tempDir, openAt } = useStores('lc-merge-', () => BASE);
async function reopen(s: Store, now?: () => number): Promise<Store> {
  await s.close();
  return openAt(s.dataDir, now);
}
const ZERO = { added: 0, updated: 0, deleted: 0, conflicts: 0, watched: 0 };
const backupFiles = (dir: string, prefix: string) => readdirSync(join(dir, 'backups')).filter((n) => n.startsWith(prefix));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Two computers that share one note: written on `from`, merged into `to` from `from`'s backup (`common`). */
async function shared(text: string, id = 'aaaaaaaaaaa'): Promise<{ from: Store; to: Store; common: string }> {
  const from = await openAt(tempDir());
  const to = await openAt(tempDir());
  await from.saveNote(id, text);
  const common = from.exportBackup();
  expect(await to.mergeBackup(common)).toEqual({ ...ZERO, added: 1 });
  return { from, to, common };
}

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
    expect({ ...s.data.notes.aaaaaaaaaaa?.clock }).toEqual({ [dev]: 3 });
    expect({ ...s.data.notes.bbbbbbbbbbb?.clock }).toEqual({ [dev]: 2 });
    s = await reopen(s);
    expect(s.data.deviceId).toBe(dev);
    expect(s.data.deviceSeq).toBe(3);
    const file = onDiskJson(s.dataDir);
    expect(file).toMatchObject({ deviceId: dev, deviceSeq: 3, notes: { aaaaaaaaaaa: { clock: { [dev]: 3 } } } });
    // The export carries the device id and the clocks.
    expect(JSON.parse(s.exportBackup())).toMatchObject({
      deviceId: dev,
      deviceSeq: 3,
      notes: { bbbbbbbbbbb: { text: 'two', clock: { [dev]: 2 } } },
    });
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
    expect({ ...s.data.notes.aaaaaaaaaaa?.clock }).toEqual({ [dev]: 1 });
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
    expect({ ...s.data.notes.bbbbbbbbbbb?.clock }).toEqual({ 'dev-A': 8 });
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
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('Completely rewritten: self-attention weighs every token');
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
    expect(a.data.notes.aaaaaaaaaaa?.text).toBe('B: rewritten on the laptop');
    expect(await b.mergeBackup(a.exportBackup())).toEqual(ZERO);

    // Both edit independently: a conflict, both texts kept in the existing marked format.
    ta = BASE + 7200_000;
    tb = BASE + 3600_000;
    await a.saveNote('aaaaaaaaaaa', 'A: desktop version');
    await b.saveNote('aaaaaaaaaaa', 'B: laptop version');
    const fromB = b.exportBackup();
    expect(await a.mergeBackup(fromB)).toEqual({ ...ZERO, conflicts: 1 });
    const merged = a.data.notes.aaaaaaaaaaa;
    expect(merged?.text).toBe(conflictText('A: desktop version', { text: 'B: laptop version', updatedAt: BASE + 3600_000 }, 'backup'));
    expect(merged?.updatedAt).toBe(BASE + 7200_000);
    const [da, db] = [a.data.deviceId, b.data.deviceId];
    // The joined clock, bumped by the merging device.
    expect({ ...merged?.clock }).toEqual({ [da]: a.data.deviceSeq, [db]: 2 });
    expect(a.data.deviceSeq).toBe(3);
    expect(backupFiles(a.dataDir, 'before-merge')).toHaveLength(2);

    // Merging the same file again, or B taking A's result, doubles nothing.
    expect(await a.mergeBackup(fromB)).toEqual(ZERO);
    expect(await b.mergeBackup(a.exportBackup())).toEqual({ ...ZERO, updated: 1 });
    expect(b.data.notes.aaaaaaaaaaa?.text).toBe(merged?.text);
    expect(await a.mergeBackup(b.exportBackup())).toEqual(ZERO);

    // And on disk after a restart.
    const again = await reopen(a, () => ta);
    expect(again.data.notes.aaaaaaaaaaa?.text).toBe(merged?.text);
  });

  it('a data folder copied to a second computer gets its own device id, and edits on both keep both texts', async () => {
    const a = await openAt(tempDir());
    await a.saveNote('aaaaaaaaaaa', 'shared start');
    await a.flush();
    const copy = tempDir();
    copyFileSync(a.file, join(copy, DATA_FILE));
    const c = await openAt(copy);
    expect(c.data.deviceId).not.toBe(a.data.deviceId);
    await a.saveNote('aaaaaaaaaaa', 'edited here');
    await c.saveNote('aaaaaaaaaaa', 'edited on the copy');
    expect(await a.mergeBackup(c.exportBackup())).toEqual({ ...ZERO, conflicts: 1 });
    expect(a.data.notes.aaaaaaaaaaa?.text).toContain('edited here');
    expect(a.data.notes.aaaaaaaaaaa?.text).toContain('edited on the copy');
  });

  it('without clocks on one side, falls back to comparing texts', async () => {
    const s = await openAt(tempDir());
    await s.saveNote('aaaaaaaaaaa', 'Attention is all you need');
    await s.saveNote('bbbbbbbbbbb', 'mine');
    const plain = (notes: Record<string, unknown>) =>
      JSON.stringify({
        schemaVersion: 2,
        watched: {},
        notes,
        corrections: { moves: {}, titles: {} },
        prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
        window: null,
      });
    const report = await s.mergeBackup(
      plain({
        aaaaaaaaaaa: { text: 'Attention is', updatedAt: BASE - DAY }, // an older prefix: contained
        bbbbbbbbbbb: { text: 'theirs', updatedAt: BASE - DAY }, // neither contains the other
      }),
    );
    expect(report).toEqual({ ...ZERO, conflicts: 1 });
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('Attention is all you need');
    expect(s.data.notes.bbbbbbbbbbb?.text).toMatch(/^mine\n\n---\n<!-- merged from backup .*-->\ntheirs$/);
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
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('v1');
    expect(s.data.deviceId).toBe(dev);
    expect(s.data.deviceSeq).toBe(2);
    await s.saveNote('aaaaaaaaaaa', 'v3 after the restore');
    expect({ ...s.data.notes.aaaaaaaaaaa?.clock }).toEqual({ [dev]: 3 });
    expect(await s.mergeBackup(exportedV2)).toEqual(ZERO);
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('v3 after the restore');
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
    expect(s.data.notes.bbbbbbbbbbb?.text).toBe('from the other computer');
    expect(s.data.notes.aaaaaaaaaaa?.text).toContain('theirs');
    // One before-merge backup (outdated attempts are replaced), holding the data as it was.
    const before = backupFiles(dir, 'before-merge');
    expect(before).toHaveLength(1);
    const saved = readJson(join(dir, 'backups', nth(before, 0)));
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
    const saved = readJson(join(dir, 'backups', nth(before, 0)));
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
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('old');
  });
});

describe('deleted notes (tombstones)', () => {
  const A_ID = 'aaaaaaaaaaa';

  it('a deletion outlives the older backup: importing it does not bring the note back', async () => {
    const s = await openAt(tempDir());
    await s.saveNote(A_ID, 'a note I will delete');
    await s.saveNote('bbbbbbbbbbb', 'kept');
    const older = s.exportBackup();
    await s.saveNote(A_ID, '   \n');
    const dev = s.data.deviceId;
    expect(A_ID in s.data.notes).toBe(false);
    // The deletion bumped this device's clock past the note's.
    expect({ ...s.data.deletedNotes[A_ID]?.clock }).toEqual({ [dev]: 3 });
    expect(await s.mergeBackup(older)).toEqual(ZERO);
    expect(A_ID in s.data.notes).toBe(false);
    expect(s.data.notes.bbbbbbbbbbb?.text).toBe('kept');
    // Nothing to merge, so nothing backed up or written; still deleted after a restart.
    expect(existsSync(join(s.dataDir, 'backups'))).toBe(false);
    const again = await reopen(s);
    expect(A_ID in again.data.notes).toBe(false);
  });

  it('the tombstone is in the file, survives a restart, and goes into the export', async () => {
    const dir = tempDir();
    let t = BASE;
    let s = await openAt(dir, () => t);
    await s.saveNote(A_ID, 'short-lived');
    t = BASE + 60_000;
    await s.saveNote(A_ID, '');
    await s.saveNote('ccccccccccc', ''); // deleting a note that never existed leaves no tombstone
    const dev = s.data.deviceId;
    const tomb = { clock: { [dev]: 2 }, deletedAt: BASE + 60_000 };
    expect(onDiskJson(s.dataDir).deletedNotes).toEqual({ [A_ID]: tomb });
    s = await reopen(s);
    expect(JSON.parse(JSON.stringify(s.data.deletedNotes))).toEqual({ [A_ID]: tomb });
    expect(s.data.deviceSeq).toBe(2);
    expect(JSON.parse(s.exportBackup()).deletedNotes).toEqual({ [A_ID]: tomb });
    // The tombstone's clock counts when the sequence is recovered from the clocks.
    const file = onDiskJson(s.dataDir);
    await s.close();
    writeFileSync(join(dir, DATA_FILE), JSON.stringify({ ...file, deviceSeq: 0 }));
    s = await openAt(dir);
    expect(s.data.deviceSeq).toBe(2);
  });

  it('writing over a deletion continues its clock: merging the pre-delete backup keeps the new text, no conflict', async () => {
    // The note came from another computer, so its clock has a component this one never bumps.
    const { from: other, to: s, common: preDelete } = await shared('first version, from the other computer');
    await s.saveNote(A_ID, '');
    await s.saveNote(A_ID, 'written again after deleting');
    const [dev, odev] = [s.data.deviceId, other.data.deviceId];
    expect(A_ID in s.data.deletedNotes).toBe(false);
    expect({ ...s.data.notes[A_ID]?.clock }).toEqual({ [odev]: 1, [dev]: 2 });
    expect(onDiskJson(s.dataDir).deletedNotes).toEqual({});
    expect(await s.mergeBackup(preDelete)).toEqual(ZERO);
    expect(s.data.notes[A_ID]?.text).toBe('written again after deleting');
    // And the other computer takes the new text as a plain update.
    expect(await other.mergeBackup(s.exportBackup())).toEqual({ ...ZERO, updated: 1 });
  });

  it('equal clocks on a note and a tombstone (a folder copied before ids were tied to folders) keep the note, and count the conflict once', async () => {
    const a = await openAt(tempDir());
    await a.saveNote(A_ID, 'shared start');
    await a.flush();
    const copy = tempDir();
    // A file from before the folder was recorded: the copy takes it as its own, same id.
    const legacy = onDiskJson(a.dataDir);
    delete legacy.home;
    writeFileSync(join(copy, DATA_FILE), JSON.stringify(legacy));
    const c = await openAt(copy);
    await a.saveNote(A_ID, '');
    await c.saveNote(A_ID, 'edited on the copy');
    expect({ ...a.data.deletedNotes[A_ID]?.clock }).toEqual({ ...c.data.notes[A_ID]?.clock });
    const deletedOnA = a.exportBackup();
    const editedOnC = c.exportBackup();
    // Both directions, as two other copies of the folder would meet them.
    const a2dir = tempDir();
    writeFileSync(join(a2dir, DATA_FILE), deletedOnA);
    const a2 = await openAt(a2dir);
    expect(await a2.mergeBackup(editedOnC)).toEqual({ ...ZERO, conflicts: 1 });
    expect(a2.data.notes[A_ID]?.text).toBe('edited on the copy');
    // The outcome is newer than the tombstone it overrode: merging that again is no news.
    expect(await a2.mergeBackup(deletedOnA)).toEqual(ZERO);
    expect(await c.mergeBackup(deletedOnA)).toEqual({ ...ZERO, conflicts: 1 });
    expect(c.data.notes[A_ID]?.text).toBe('edited on the copy');
    // The kept note is newer than the deletion now: the other side restores it as is.
    expect(await a.mergeBackup(c.exportBackup())).toEqual({ ...ZERO, added: 1 });
    expect(a.data.notes[A_ID]?.text).toBe('edited on the copy');
  });

  it("deleted on A, edited on B after their common backup: either merge keeps B's text", async () => {
    const { from: a, to: b, common } = await shared('common text');
    await a.saveNote(A_ID, '');
    await b.saveNote(A_ID, 'edited on B');
    const fromA = a.exportBackup();
    const fromB = b.exportBackup();

    // A takes B's backup: the edit did not see the deletion, so the text comes back.
    expect(await a.mergeBackup(fromB)).toEqual({ ...ZERO, conflicts: 1 });
    expect(a.data.notes[A_ID]?.text).toBe('edited on B');
    expect(A_ID in a.data.deletedNotes).toBe(false);
    // B takes A's backup: the tombstone did not see B's edit, so B's note stays.
    expect(await b.mergeBackup(fromA)).toEqual({ ...ZERO, conflicts: 1 });
    expect(b.data.notes[A_ID]?.text).toBe('edited on B');
    expect(A_ID in b.data.deletedNotes).toBe(false);

    // Each result contains the other's history: merging again changes no text or count.
    expect(await a.mergeBackup(fromB)).toEqual(ZERO);
    expect(await b.mergeBackup(fromA)).toEqual(ZERO);
    expect(await a.mergeBackup(b.exportBackup())).toEqual(ZERO);
    expect(await b.mergeBackup(a.exportBackup())).toEqual(ZERO);
    expect(await a.mergeBackup(common)).toEqual(ZERO);
    expect((await reopen(a)).data.notes[A_ID]?.text).toBe('edited on B');
  });

  it('a tombstone from a backup deletes an unchanged note here, and travels on to stop older copies', async () => {
    const a = await openAt(tempDir());
    const b = await openAt(tempDir());
    const c = await openAt(tempDir());
    await a.saveNote(A_ID, 'to be deleted on B');
    await a.saveNote('bbbbbbbbbbb', 'untouched');
    const old = a.exportBackup();
    await b.mergeBackup(old);
    await b.saveNote(A_ID, '');

    expect(await a.mergeBackup(b.exportBackup())).toEqual({ ...ZERO, deleted: 1 });
    expect(A_ID in a.data.notes).toBe(false);
    expect({ ...a.data.deletedNotes[A_ID]?.clock }).toEqual({ ...b.data.deletedNotes[A_ID]?.clock });
    expect(a.data.notes.bbbbbbbbbbb?.text).toBe('untouched');
    // A before-merge backup still holds the deleted text.
    const before = backupFiles(a.dataDir, 'before-merge');
    expect(readJson(join(a.dataDir, 'backups', nth(before, 0))).notes[A_ID].text).toBe('to be deleted on B');
    // Deleted on disk too.
    const reopened = await reopen(a);
    expect(A_ID in reopened.data.notes).toBe(false);
    expect(A_ID in reopened.data.deletedNotes).toBe(true);

    // C never had the note: it keeps the tombstone (no count), so A's old backup stays deleted there.
    expect(await c.mergeBackup(b.exportBackup())).toEqual({ ...ZERO, added: 1 });
    expect(A_ID in c.data.deletedNotes).toBe(true);
    expect(await c.mergeBackup(old)).toEqual(ZERO);
    expect(A_ID in c.data.notes).toBe(false);
  });

  it('an incoming tombstone leaves a note edited here after it, and a note without a clock', async () => {
    const a = await openAt(tempDir());
    const b = await openAt(tempDir());
    await a.saveNote(A_ID, 'v1');
    await b.mergeBackup(a.exportBackup());
    await b.saveNote(A_ID, '');
    await a.mergeBackup(b.exportBackup()); // deleted on A too
    await a.saveNote(A_ID, 'rewritten on A after the deletion');
    // B's tombstone ≤ A's new note: A's note stays, nothing to report.
    expect(await a.mergeBackup(b.exportBackup())).toEqual(ZERO);
    expect(a.data.notes[A_ID]?.text).toBe('rewritten on A after the deletion');
    // And B restores it: the note descends from B's deletion.
    expect(await b.mergeBackup(a.exportBackup())).toEqual({ ...ZERO, added: 1 });
    expect(b.data.notes[A_ID]?.text).toBe('rewritten on A after the deletion');
    expect(A_ID in b.data.deletedNotes).toBe(false);

    const dir = tempDir();
    const plain = {
      schemaVersion: 2,
      watched: {},
      notes: { [A_ID]: { text: 'from before clocks', updatedAt: BASE - DAY } },
      corrections: { moves: {}, titles: {} },
      prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
      window: null,
    };
    writeFileSync(join(dir, DATA_FILE), JSON.stringify(plain));
    const old = await openAt(dir);
    await b.saveNote(A_ID, '');
    expect(await old.mergeBackup(b.exportBackup())).toEqual(ZERO);
    expect(old.data.notes[A_ID]?.text).toBe('from before clocks');
    // Its other way round: a clockless note older than the deletion stays deleted, a newer one comes back.
    expect(await b.mergeBackup(JSON.stringify(plain))).toEqual(ZERO);
    expect(A_ID in b.data.notes).toBe(false);
    const tomb = b.data.deletedNotes[A_ID];
    if (!tomb) throw new Error('expected a tombstone for A_ID on B');
    const later = { ...plain, notes: { [A_ID]: { text: 'clockless, edited later', updatedAt: tomb.deletedAt + 1 } } };
    expect(await b.mergeBackup(JSON.stringify(later))).toEqual({ ...ZERO, added: 1 });
    expect(b.data.notes[A_ID]?.text).toBe('clockless, edited later');
  });

  it('tombstones on both sides join their clocks; v2 files without the map load and gain it when written', async () => {
    const dir = tempDir();
    const file = {
      schemaVersion: 2,
      deviceId: 'dev-A',
      deviceSeq: 4,
      watched: {},
      notes: { [A_ID]: { text: 'x', updatedAt: BASE, clock: { 'dev-A': 4 } } },
      corrections: { moves: {}, titles: {} },
      prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
      window: null,
    };
    writeFileSync(join(dir, DATA_FILE), JSON.stringify(file));
    let s = await openAt(dir);
    expect(s.status.state).toBe('ok');
    expect({ ...s.data.deletedNotes }).toEqual({});
    await s.saveNote(A_ID, '');
    expect(onDiskJson(s.dataDir).deletedNotes[A_ID].clock).toEqual({ 'dev-A': 5 });
    // A backup whose tombstone saw another device's edit too: joined, later deletion time kept.
    const theirs = {
      ...file,
      deviceId: 'dev-B',
      notes: {},
      deletedNotes: { [A_ID]: { clock: { 'dev-A': 4, 'dev-B': 2 }, deletedAt: BASE + DAY } },
    };
    expect(await s.mergeBackup(JSON.stringify(theirs))).toEqual(ZERO);
    s = await reopen(s);
    expect(JSON.parse(JSON.stringify(s.data.deletedNotes))).toEqual({
      [A_ID]: { clock: { 'dev-A': 5, 'dev-B': 2 }, deletedAt: BASE + DAY },
    });
    expect(await s.mergeBackup(JSON.stringify(theirs))).toEqual(ZERO);
    expect(backupFiles(dir, 'before-merge')).toHaveLength(1);
  });
});
