// Device identity (loss path 2 of the data-safety issue): a data folder copied or restored
// elsewhere gets its own device id, so edits made on both copies merge as a conflict with
// both texts kept, and a deletion on one against a later edit on the other is a conflict.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';
import { DATA_FILE, type Store } from '../../../electron/main/store/store';

const { tempDir, openAt } = useStores('lc-identity-');
const A = 'aaaaaaaaaaa';

/** A folder with one note, closed, then copied whole (as a student copies it to a second computer). */
async function copiedFolder(): Promise<{ here: string; copy: string; id: string }> {
  const here = tempDir();
  const s = await openAt(here);
  await s.saveNote(A, 'shared start');
  const id = s.data.deviceId;
  await s.close();
  const copy = tempDir();
  cpSync(here, copy, { recursive: true });
  return { here, copy, id };
}

const reopen = async (s: Store) => {
  const dir = s.dataDir;
  await s.close();
  return openAt(dir);
};

describe('a copied data folder', () => {
  it('keeps its device id where it was made, and the copy gets its own (also after restarts)', async () => {
    const { here, copy, id } = await copiedFolder();
    let h = await openAt(here);
    let c = await openAt(copy);
    expect(h.data.deviceId).toBe(id);
    expect(c.data.deviceId).not.toBe(id);
    const copyId = c.data.deviceId;
    // The new id is written at once: a restart of the copy keeps it.
    expect(JSON.parse(readFileSync(join(copy, DATA_FILE), 'utf8')).deviceId).toBe(copyId);
    c = await reopen(c);
    h = await reopen(h);
    expect(c.data.deviceId).toBe(copyId);
    expect(h.data.deviceId).toBe(id);
  });

  it('edits on both copies merge as a conflict with both texts, not as an update (more edits on the copy)', async () => {
    const { here, copy } = await copiedFolder();
    const h = await openAt(here);
    const c = await openAt(copy);
    await c.saveNote(A, 'copy, first edit');
    await c.saveNote(A, 'copy, second edit');
    await h.saveNote(A, 'edited here');
    // Today: "added 0, updated 1, conflicts 0", and "edited here" survived only in a backup.
    const report = await h.mergeBackup(c.exportBackup());
    expect(report).toMatchObject({ updated: 0, conflicts: 1 });
    expect(h.data.notes[A]?.text).toContain('edited here');
    expect(h.data.notes[A]?.text).toContain('copy, second edit');
  });

  it('a deletion on the copy against a later edit here is a conflict: the edited note stays', async () => {
    const { here, copy } = await copiedFolder();
    const h = await openAt(here);
    const c = await openAt(copy);
    await c.saveNote(A, 'copy edit');
    await c.saveNote(A, ''); // deleted on the copy
    await h.saveNote(A, 'edited here');
    // Today the deletion won (deleted 1) and the edit was gone.
    const report = await h.mergeBackup(c.exportBackup());
    expect(report).toMatchObject({ deleted: 0, conflicts: 1 });
    expect(h.data.notes[A]?.text).toBe('edited here');
  });
});
