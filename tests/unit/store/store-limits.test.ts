// Imports held to the contract's limits: what the app's own API would refuse is left out
// of a merge, and the report says so; a hostile key already in the data does not break
// "Export all".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';
import { openService } from '../helpers/service';
import { MAX_NOTE_CHARS } from '../../../electron/shared/contract';
import { DATA_FILE } from '../../../electron/main/store/store';
import { SCHEMA_VERSION } from '../../../electron/main/store/schema';

const { tempDir, openAt } = useStores('lc-limits-');
const GOOD = 'aaaaaaaaaaa';

function hostileBackup(): string {
  return JSON.stringify({
    schemaVersion: SCHEMA_VERSION,
    watched: { [GOOD]: { at: 1 }, 'not an id': { at: 1 } },
    unwatched: {},
    notes: {
      [GOOD]: { text: 'fine', updatedAt: 1 },
      'a/b': { text: 'a path in a key', updatedAt: 1 },
      bbbbbbbbbbb: { text: 'x'.repeat(MAX_NOTE_CHARS + 1), updatedAt: 1 },
    },
    deletedNotes: {},
    corrections: { moves: {}, titles: { c1: 'T'.repeat(1_000_000), c2: 'Fine title' } },
    prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
    window: null,
  });
}

describe('importing a backup over the limits', () => {
  it('leaves out each offending part, merges the rest, and the report says what and why', async () => {
    const s = await openAt(tempDir());
    const report = await s.mergeBackup(hostileBackup());
    expect(report).toMatchObject({ added: 1, watched: 1 });
    expect(report.skipped?.count).toBe(4);
    expect(report.skipped?.reasons.join('\n')).toMatch(/notes under a key that is not a video id/);
    expect(report.skipped?.reasons.join('\n')).toMatch(new RegExp(`notes longer than ${MAX_NOTE_CHARS}`));
    expect(report.skipped?.reasons.join('\n')).toMatch(/course titles longer than 200/);
    expect(report.skipped?.reasons.join('\n')).toMatch(/watched marks under a key that is not a video id/);
    expect(Object.keys(s.data.notes)).toEqual([GOOD]);
    expect(Object.keys(s.data.watched)).toEqual([GOOD]);
    expect({ ...s.data.corrections.titles }).toEqual({ c2: 'Fine title' });
  });

  it('"Export all" works with a note keyed a/b already in the data (left out of the export)', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote('CB0a3aBwND8', 'a real note');
    const file = JSON.parse(s.exportBackup());
    await s.close();
    file.notes['a/b'] = { text: 'from a hostile backup', updatedAt: 1 };
    writeFileSync(join(dir, DATA_FILE), JSON.stringify(file));
    const { service, host } = await openService(dir);
    // Today this answered 500 ("not a video id"), and nothing in the app could remove the note.
    for (const layout of ['single', 'perLecture'] as const) {
      const r = await service.exportNotes({ scope: 'all', layout });
      expect(r.saved.length).toBeGreaterThan(0);
    }
    expect(host.written.map((f) => f.content).join('\n')).toContain('a real note');
    expect(host.written.map((f) => f.content).join('\n')).not.toContain('from a hostile backup');
    await service.close();
  });
});
