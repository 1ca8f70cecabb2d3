// Command-line and environment options shared by the Electron app and `npm run web`.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const APP_NAME = 'Lecture Companion';

/** The same folder Electron's app.getPath('userData') gives, so both modes share the student's data. */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export interface CliOptions {
  dataDir: string;
  catalogs: string[];
  port: number;
}

const OPTIONS = { 'data-dir': { type: 'string' }, port: { type: 'string' }, catalog: { type: 'string' } } as const;

/**
 * `--data-dir DIR --catalog FILE... --port N` (also `--name=value`); env LC_DATA_DIR overrides
 * the default folder. node:util's parseArgs splits the words; it runs loose (strict: false)
 * because `--catalog` takes every word up to the next option, and because Electron and
 * Chromium add switches of their own, which only the web server refuses.
 */
export function parseOptions(argv: string[], bundledCatalog: string): CliOptions {
  const o: CliOptions = { dataDir: process.env.LC_DATA_DIR || defaultDataDir(), catalogs: [], port: 0 };
  const strict = !process.versions.electron;
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  let last: string | undefined;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') continue;
    if (t.kind === 'positional') {
      if (last === 'catalog') o.catalogs.push(resolve(t.value));
      else if (strict) throw new Error(`unknown option ${t.value}`);
      continue;
    }
    last = t.name;
    if (!Object.hasOwn(OPTIONS, t.name)) {
      if (strict) throw new Error(`unknown option ${t.rawName}`);
      continue;
    }
    // Loose parsing takes the next word even when it is an option: `--data-dir --port 3`.
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) throw new Error(`${t.rawName} needs a value`);
    if (t.name === 'data-dir') o.dataDir = resolve(t.value);
    else if (t.name === 'catalog') o.catalogs.push(resolve(t.value));
    else {
      o.port = Number(t.value);
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port must be 0–65535');
    }
  }
  if (o.catalogs.length === 0) o.catalogs.push(bundledCatalog);
  return o;
}
