// A large merge runs a slice at a time (issue 14, "a large import never stalls the app"):
// the same result as in one go, turns of the event loop in between, and a note saved
// during the merge is merged too, never dropped by the swap.
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';
import { turnCounter } from '../helpers/turns';
import { mergeData, mergeDataSliced } from '../../../electron/main/store/merge';
import { defaultData, type StoreData } from '../../../electron/main/store/schema';

const { tempDir, openAt } = useStores('lc-merge-sliced-');
const id = (i: number) => `n${String(i).padStart(10, '0')}`;

/** Two copies that share some notes and marks, differ on others, and each deleted some. */
function sides(): { current: StoreData; incoming: StoreData } {
  const current = defaultData();
  const incoming = defaultData();
  for (let i = 0; i < 3000; i++) {
    if (i % 3 !== 0) current.notes[id(i)] = { text: `mine ${i}`, updatedAt: i, clock: { [current.deviceId]: i + 1 } };
    if (i % 2 === 0)
      incoming.notes[id(i)] = { text: i % 4 ? `mine ${i}` : `theirs ${i}`, updatedAt: i + 1, clock: { [incoming.deviceId]: i + 1 } };
    if (i % 7 === 0) incoming.deletedNotes[id(i + 1)] = { clock: { [incoming.deviceId]: 5000 + i }, deletedAt: i };
    if (i % 5 === 0) incoming.watched[id(i)] = { at: i, clock: { [incoming.deviceId]: i + 1 } };
  }
  current.deviceSeq = 3000;
  return { current, incoming };
}

describe('a sliced merge', () => {
  it('gives what the merge in one go gives, with turns of the event loop in between', async () => {
    const a = sides();
    const whole = mergeData(a.current, a.incoming);
    const turns = turnCounter();
    const sliced = await mergeDataSliced(a.current, a.incoming, 0);
    expect(turns.stop()).toBeGreaterThan(10);
    expect(sliced.report).toEqual(whole.report);
    expect(JSON.parse(JSON.stringify(sliced.data))).toEqual(JSON.parse(JSON.stringify(whole.data)));
    expect(whole.report.conflicts).toBeGreaterThan(100);
  });

  it('merges again when a note is saved meanwhile, so the swap keeps it', async () => {
    const s = await openAt(tempDir());
    const { incoming } = sides();
    await s.saveNote('keepmine000', 'before the import');
    const importing = s.mergeBackup(JSON.stringify({ ...incoming, home: undefined }));
    // Saved while the import is under way (it reads, merges and backs up over many turns).
    await new Promise((r) => setImmediate(r));
    await s.saveNote('typed000000', 'typed during the import');
    const report = await importing;
    expect(report.added).toBeGreaterThan(1000);
    expect(s.data.notes.typed000000?.text).toBe('typed during the import');
    expect(s.data.notes.keepmine000?.text).toBe('before the import');
    expect(s.data.notes[id(2)]?.text).toBe('mine 2');
    await s.close();
    const again = await openAt(s.dataDir);
    expect(again.data.notes.typed000000?.text).toBe('typed during the import');
  });
});
