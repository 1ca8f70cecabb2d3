// A real service on a real temp data folder, with a recording host instead of the OS.
import { mkdtempSync, readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../../electron/main/host';
import { Service } from '../../../electron/main/service';
import { SEED } from './fixtures';

export interface RecordingHost extends Host {
  opened: string[];
  written: { path: string; content: string }[];
  cancel: boolean;
}

export function recordingHost(exportDir: string, exports: Host['exports'] = 'save'): RecordingHost {
  const host: RecordingHost = {
    exports,
    opened: [],
    written: [],
    cancel: false,
    async openExternal(url) {
      host.opened.push(url);
    },
    async chooseSavePath(name) {
      return host.cancel ? null : join(exportDir, name);
    },
    async writeFiles(files) {
      host.written.push(...files);
    },
  };
  return host;
}

export function tempDir(prefix = 'lc-svc-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openService(dataDir: string, catalogFiles = [SEED], host = recordingHost(join(dataDir, 'exports'))) {
  const service = await Service.create({ catalogFiles, dataDir, host });
  return { service, host };
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** A list for the services a test opens; each is closed after the test, whatever became of it. */
export function closedAfterEach(): Service[] {
  const open: Service[] = [];
  afterEach(async () => {
    while (open.length)
      await open
        .pop()!
        .close()
        .catch(() => {});
  });
  return open;
}
