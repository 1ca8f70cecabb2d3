// The write-ahead journal: a save appends a line instead of rewriting the data file; a
// start replays it, dropping a torn or corrupt tail and keeping everything before it;
// compaction folds it into the data file, and a crash between the two never applies a
// line twice; a failed append is taken back, so no later line follows a broken one.
import { copyFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillingDisk, onDiskJson, useStores } from '../helpers/store';
import { nodeFs, type DurableFs } from '../../../electron/main/store/durable';
import { decodeJournal, encodeRecord, JOURNAL_FILE, type JournalRecord } from '../../../electron/main/store/journal';
import { applyRecords } from '../../../electron/main/store/replay';
import { DATA_FILE, openStore, type Store } from '../../../electron/main/store/store';

const { tempDir, openAt } = useStores('lc-journal-');
const A = 'aaaaaaaaaaa';
const B = 'bbbbbbbbbbb';
const C = 'ccccccccccc';
const journalOf = (dir: string) => join(dir, JOURNAL_FILE);
const journalSize = (dir: string): number => statSync(journalOf(dir)).size;
/** The notes in the data file alone, without the journal. */
const fileNotes = (s: Store): Record<string, { text: string }> => JSON.parse(readFileSync(s.file, 'utf8')).notes;

/** What a crash at this moment would leave: the data file and the journal, in a fresh folder. */
function crashCopy(s: Store): string {
  const to = tempDir();
  copyFileSync(s.file, join(to, DATA_FILE));
  if (existsSync(journalOf(s.dataDir))) copyFileSync(journalOf(s.dataDir), journalOf(to));
  return to;
}

/** A crash's leftovers: A's note in the data file, B's `line` only in the journal. */
async function crashedWithLine(line: string): Promise<{ s: Store; crashed: string }> {
  const s = await openAt(tempDir());
  await s.saveNote(A, 'base');
  await s.saveNote(B, line);
  return { s, crashed: crashCopy(s) };
}

const rec = (seq: number, id: string, text: string): JournalRecord => ({
  seq,
  deviceSeq: seq,
  set: [['notes', id, { text, updatedAt: seq }]],
});

describe('journal lines', () => {
  const lines = [rec(1, A, 'first'), rec(2, B, '第二 second ✓'), rec(3, A, 'third')];
  const bytes = Buffer.concat(lines.map(encodeRecord));
  const lastStart = bytes.length - encodeRecord(lines[2]!).length;

  it('cut at every byte of the last line keep the lines before it and drop the rest', () => {
    for (let cut = lastStart; cut < bytes.length; cut++) {
      const d = decodeJournal(bytes.subarray(0, cut));
      expect(
        d.records.map((r) => r.seq),
        `cut at ${cut}`,
      ).toEqual([1, 2]);
      expect(d.droppedBytes).toBe(cut - lastStart);
    }
    expect(decodeJournal(bytes).records).toEqual(lines);
  });

  it('with garbage, a flipped byte or a line out of order, keep what comes before it', () => {
    const garbage = Buffer.concat([bytes, Buffer.from('\u0000\u0000garbage\n{"seq":9}\n')]);
    expect(decodeJournal(garbage).records).toEqual(lines);
    const flipped = Buffer.from(bytes);
    flipped[lastStart - 5] = flipped[lastStart - 5]! ^ 0x01; // inside line 2's JSON: its checksum no longer matches
    expect(decodeJournal(flipped).records).toEqual([lines[0]]);
    const replayed = Buffer.concat([bytes, encodeRecord(rec(2, C, 'an old line again'))]);
    expect(decodeJournal(replayed).records).toEqual(lines);
  });

  it('replay is idempotent and skips what the data file already holds', () => {
    const once = { schemaVersion: 3, deviceSeq: 0, notes: {} as Record<string, unknown> };
    applyRecords(once, lines, 0);
    const twice = structuredClone(once);
    applyRecords(twice, lines, 0);
    expect(twice).toEqual(once);
    const compacted = { schemaVersion: 3, deviceSeq: 3, notes: { [A]: { text: 'merged later', updatedAt: 9 } } };
    expect(applyRecords(compacted, lines, 3)).toBe(3);
    expect(compacted.notes[A].text).toBe('merged later');
  });
});

describe('a store with a journal', () => {
  it('appends a save to the journal, leaves the data file alone, and a start replays it', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote(A, 'in the data file'); // the first write makes the data file
    const base = readFileSync(s.file);
    await s.saveNote(B, 'only in the journal');
    await s.setWatched(B, true);
    await s.setPrefs({ newestFirst: true });
    await s.savePlayback(B, 42, 600, 7);
    await s.setCorrections({ moves: { [B]: 'ml2025' }, titles: {} });
    await s.setWindow({ x: 1, y: 2, width: 800, height: 600, maximized: false });
    await s.saveNote(A, ''); // a deletion: the note goes, its tombstone comes
    expect(readFileSync(s.file).equals(base)).toBe(true);
    expect(decodeJournal(readFileSync(journalOf(dir))).records).toHaveLength(7);
    const again = await openAt(crashCopy(s));
    expect(again.data.notes[B]?.text).toBe('only in the journal');
    expect(Object.keys(again.data.watched)).toEqual([B]);
    expect(again.data.prefs.newestFirst).toBe(true);
    expect(again.data.playback[B]).toMatchObject({ position: 42, duration: 600 });
    expect(Object.values(again.data.watchTime).flatMap((d) => Object.values(d))).toEqual([7]);
    expect(again.data.corrections.moves).toEqual({ [B]: 'ml2025' });
    expect(again.data.window).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
    expect(again.data.notes[A]).toBeUndefined();
    expect(again.data.deletedNotes[A]?.clock).toEqual(s.data.deletedNotes[A]?.clock);
    // The start folded the journal into the data file.
    expect(journalSize(again.dataDir)).toBe(0);
    expect(fileNotes(again)[B]?.text).toBe('only in the journal');
  });

  // Every byte offset is covered by the line decoder above; a start is checked at the edges and between.
  it('a journal cut inside its last line opens with the lines before it, then carries on', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote(A, 'base');
    await s.saveNote(A, 'line one');
    await s.saveNote(C, '第二行 line two');
    const full = readFileSync(journalOf(dir));
    await s.saveNote(A, 'the torn line');
    const crashed = crashCopy(s);
    const size = journalSize(crashed);
    const cuts = [full.length + 1, full.length + 9, full.length + 10, (full.length + size) >> 1, size - 1];
    for (const cut of cuts) {
      const to = tempDir();
      copyFileSync(join(crashed, DATA_FILE), join(to, DATA_FILE));
      copyFileSync(journalOf(crashed), journalOf(to));
      truncateSync(journalOf(to), cut);
      const t = await openStore({ dataDir: to, backupsPerDay: false });
      expect(t.status.state, `cut at ${cut}`).toBe('ok');
      expect(t.data.notes[A]?.text, `cut at ${cut}`).toBe('line one');
      expect(t.data.notes[C]?.text).toBe('第二行 line two');
      // New lines follow good ones, never the dropped tail.
      await t.saveNote(B, 'after the crash');
      expect(onDiskJson(to).notes[B].text).toBe('after the crash');
      await t.close();
    }
  });

  it('a crash after compaction, before the journal was emptied, applies no line twice', async () => {
    const dir = tempDir();
    // The journal cannot be emptied: as if the process died right after the data file's rename.
    const stuck: DurableFs = {
      ...nodeFs,
      async open(path, flags) {
        const h = await nodeFs.open(path, flags);
        return path.endsWith(JOURNAL_FILE) ? Object.assign(h, { truncate: () => Promise.reject(new Error('crash')) }) : h;
      },
    };
    const s = await openAt(dir, undefined, stuck);
    await s.saveNote(A, 'base');
    await s.saveNote(A, 'v1 in the journal');
    await s.saveNote(B, 'kept');
    // A merge rewrites the data file: A's newer text is there, the journal still says v1.
    await s.mergeBackup(
      JSON.stringify({
        schemaVersion: 3,
        watched: {},
        unwatched: {},
        notes: { [C]: { text: 'merged', updatedAt: 5 } },
        corrections: { moves: {}, titles: {} },
        prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
        window: null,
      }),
    );
    await s.saveNote(A, 'v2, after the merge');
    expect(decodeJournal(readFileSync(journalOf(dir))).records.length).toBeGreaterThanOrEqual(2);
    const again = await openAt(crashCopy(s));
    expect(again.data.notes[A]?.text).toBe('v2, after the merge');
    expect(again.data.notes[B]?.text).toBe('kept');
    expect(again.data.notes[C]?.text).toBe('merged');
  });

  it('takes back a failed append, so the next line does not follow a broken one', async () => {
    const dir = tempDir();
    // A disk that takes half of one write, then is full.
    let half = false;
    const fs: DurableFs = {
      ...nodeFs,
      async open(path, flags) {
        const h = await nodeFs.open(path, flags);
        const write = h.write!.bind(h);
        return Object.assign(h, {
          async write(b: Uint8Array, off: number, len: number) {
            if (!half) return write(b, off, len);
            half = false;
            await write(b, off, len >> 1);
            throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
          },
        });
      },
    };
    const s = await openAt(dir, undefined, fs);
    await s.saveNote(A, 'base');
    await s.saveNote(B, 'before');
    const size = journalSize(dir);
    half = true;
    await expect(s.saveNote(C, 'half written')).rejects.toThrow('disk full');
    expect(journalSize(dir)).toBe(size);
    expect(s.data.notes[C]).toBeUndefined();
    await s.saveNote(A, 'after');
    const again = await openAt(crashCopy(s));
    expect(again.data.notes[A]?.text).toBe('after');
    expect(again.data.notes[B]?.text).toBe('before');
    expect(again.data.notes[C]).toBeUndefined();
  });

  it('compacts once the journal outgrows the data file, and at close', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote(A, 'base');
    for (let i = 0; i < 5; i++) await s.saveNote(B, `${i} ${'x'.repeat(300_000)}`);
    // 5 × 300 kB passed 1 MB: the fifth save rewrote the data file and emptied the journal.
    expect(journalSize(dir)).toBe(0);
    expect(fileNotes(s)[B]?.text.startsWith('4 ')).toBe(true);
    await s.saveNote(C, 'in the journal until close');
    expect(journalSize(dir)).toBeGreaterThan(0);
    await s.close();
    expect(journalSize(dir)).toBe(0);
    expect(fileNotes(s)[C]?.text).toBe('in the journal until close');
  });

  it('a full disk at start opens read-only with the journal replayed', async () => {
    const { crashed } = await crashedWithLine('only in the journal');
    const disk = fillingDisk();
    disk.state.full = true;
    const full = await openAt(crashed, undefined, disk.fs);
    expect(full.status.state).toBe('readonly');
    expect(full.data.notes[B]?.text).toBe('only in the journal');
    await full.close();
    // Nothing was written: the journal still holds the line for the next start.
    expect(decodeJournal(readFileSync(journalOf(crashed))).records).toHaveLength(1);
  });

  it('an unreadable data file is quarantined with its journal beside it', async () => {
    const { crashed } = await crashedWithLine('a line');
    writeFileSync(join(crashed, DATA_FILE), '{ broken');
    const journal = readFileSync(journalOf(crashed));
    const r = await openAt(crashed);
    expect(r.status.state).toBe('recovered');
    expect(readFileSync(r.status.quarantinePath!.replace(/\.json$/, '.journal')).equals(journal)).toBe(true);
    expect(journalSize(crashed)).toBe(0);
  });
});
