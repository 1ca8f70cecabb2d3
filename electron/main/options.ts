// Command-line and environment options shared by the Electron app and `npm run web`.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** `--data-dir DIR --catalog FILE... --port N`; env LC_DATA_DIR overrides the default. */
export function parseOptions(argv: string[], bundledCatalog: string): CliOptions {
  const o: CliOptions = { dataDir: process.env.LC_DATA_DIR || defaultDataDir(), catalogs: [], port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) continue;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data-dir': o.dataDir = resolve(value()); break;
      case '--port': o.port = Number(value()); if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error('--port must be 0–65535'); break;
      case '--catalog':
        o.catalogs.push(resolve(value()));
        for (let next = argv[i + 1]; next !== undefined && !next.startsWith('--'); next = argv[++i + 1]) o.catalogs.push(resolve(next));
        break;
      default:
        // Electron and Chromium add switches of their own; only the web server is strict.
        if (!process.versions.electron) throw new Error(`unknown option ${a}`);
    }
  }
  if (o.catalogs.length === 0) o.catalogs.push(bundledCatalog);
  return o;
}
