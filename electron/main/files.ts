// Writing the files a student chose a place for (exports, backups), for both hosts.
// Each is written durably (temp, fsync, rename, folder fsync): a failure, such as a full
// disk, leaves any earlier file of that name whole instead of a truncated one.
import { fileStamp } from '../shared/dates';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeDurable, type DurableFs } from './store/durable';

export async function writeFiles(files: { path: string; content: string }[], fs?: DurableFs): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(f.path), { recursive: true });
    await writeDurable(f.path, f.content, { fs });
  }
}

/** A time to the second for export names ("2026-12-02T03-41-07", UTC, no colons): each export gets its own file. */
export function exportStamp(ms = Date.now()): string {
  return fileStamp(ms);
}
