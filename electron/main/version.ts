// The app's version, from package.json: two folders up both from electron/main (source)
// and from out/main (the bundle, also inside app.asar).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let version: string | null = null;

export function appVersion(): string {
  if (version === null) {
    try {
      version = String((JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: unknown }).version);
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
