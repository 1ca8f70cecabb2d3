// Real stores in real temp folders for the store tests, closed and removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../../electron/main/store/store';

export function useStores(prefix: string, defaultNow?: () => number) {
  const dirs: string[] = [];
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    tempDir(): string {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    async openAt(dataDir: string, now: (() => number) | undefined = defaultNow): Promise<Store> {
      const s = await openStore({ dataDir, now });
      open.push(s);
      return s;
    },
  };
}
