// Exports and backups on a full disk: a failed write never replaces a good file with a
// partial one (loss path 1 of the data-safety issue), and each export gets its own name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillingDisk, tinyDisk, useStores } from '../helpers/store';
import { openService } from '../helpers/service';
import { exportStamp, writeFiles } from '../../../electron/main/files';

const { tempDir } = useStores('lc-export-');

describe('exports on a full disk', () => {
  it('a failed export leaves the earlier export of that name whole (real 1 MB tmpfs, or injected ENOSPC)', async () => {
    const tiny = tinyDisk('1m');
    const dir = tiny ?? tempDir();
    const injected = tiny ? undefined : fillingDisk();
    if (injected) injected.state.limit = 700_000;
    const path = join(dir, 'lecture-companion-backup.json');
    const good = JSON.stringify({ notes: 'x'.repeat(300_000) });
    await writeFiles([{ path, content: good }], injected?.fs);
    // Larger than what is left: today's plain writeFile truncated the good file, then failed.
    await expect(writeFiles([{ path, content: 'y'.repeat(900_000) }], injected?.fs)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(readdirSync(dir).filter((n) => n !== 'lost+found')).toEqual(['lecture-companion-backup.json']);
  });

  it('names each backup export by the second, so a later export never overwrites an earlier one', async () => {
    expect(exportStamp(Date.UTC(2026, 11, 2, 3, 41, 7, 500))).toBe('2026-12-02T03-41-07');
    const dir = tempDir();
    const { service, host } = await openService(dir);
    await service.saveNote({ videoId: 'CB0a3aBwND8', text: 'exported' });
    const { saved } = await service.exportBackup();
    expect(saved).toEqual([expect.stringMatching(/lecture-companion-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.json$/)]);
    expect(host.written.map((f) => f.path)).toEqual(saved);
    await service.close();
    expect(existsSync(dir)).toBe(true);
  });
});
