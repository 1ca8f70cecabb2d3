// Writing the files a student chose a place for (exports, backups), for both hosts.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFiles(files: { path: string; content: string }[]): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(f.path), { recursive: true });
    await writeFile(f.path, f.content);
  }
}
