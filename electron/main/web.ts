// `npm run web -- --data-dir DIR [--port N] [--catalog FILE...]`: the same service as the
// desktop app, served to a browser on 127.0.0.1 only, guarded by a per-run token.
// First stdout line: the page's URL with the token. Used to study in a browser where
// Electron cannot run, and by the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { ApiError, type Api } from '../shared/contract';
import { encodeHttpError } from '../shared/wire';
import { dispatch, isMethod } from './dispatch';
import { parseOptions, type CliOptions } from './options';
import type { Host } from './host';
import { asApi, Service } from './service';
import { contentSecurityPolicy } from './security';
import { readStaticFile } from './static-files';
import { parseBody, readBody, TooLarge } from './web-body';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out/renderer');

/**
 * Browser mode's host: the page is the student's browser, so the page opens links in a new tab
 * (at the URL the service built and checked) and receives exports as downloads. Nothing is
 * opened or written on the server's side.
 */
export const webHost: Host = {
  exports: 'download',
  async openExternal() {},
  async chooseSavePath() {
    throw new ApiError('browser mode has no save dialog; exports are downloads', 'failed', { key: 'browserNoSave' });
  },
  async writeFiles() {
    throw new ApiError('browser mode writes no files; exports are downloads', 'failed', { key: 'browserNoFiles' });
  },
};

function ensureBuilt(): void {
  if (existsSync(join(RENDERER, 'index.html'))) return;
  // stdout is reserved for the URL line; the build talks on stderr.
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('building the renderer failed');
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    // No other page may frame any of ours (clickjacking); pages also carry the full CSP.
    'content-security-policy': "frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    ...extra,
  });
  res.end(body);
}

export function createWebServer(api: Api, token: string) {
  const expected = Buffer.from(token);
  // Bytes, not characters: a non-ASCII token of the right length has more bytes, and
  // timingSafeEqual throws on unequal lengths.
  const tokenOk = (t: unknown) => {
    if (typeof t !== 'string') return false;
    const got = Buffer.from(t);
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  let origin = '';
  const server = createServer(async (req, res) => {
    try {
      // A page on another local origin or a rebinding DNS name must not reach the service.
      if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, 'wrong host', 'text/plain');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
        if (req.headers.origin !== undefined && req.headers.origin !== origin) throw new ApiError('forbidden origin', 'forbidden');
        if (!tokenOk(req.headers['x-lc-token'])) throw new ApiError('missing or wrong token', 'forbidden');
        const method = url.pathname.slice('/api/'.length);
        if (!isMethod(method)) throw new ApiError(`unknown method ${method.slice(0, 100)}`, 'invalid');
        let payload: unknown;
        try {
          payload = await parseBody(await readBody(req));
        } catch (e) {
          if (e instanceof TooLarge)
            return send(
              res,
              413,
              encodeHttpError(new ApiError('The request is too large', 'invalid', { key: 'tooLarge' })).body,
              'application/json',
            );
          throw e instanceof ApiError ? e : new ApiError('the request body is not JSON', 'invalid');
        }
        const result = await dispatch(api, method, payload);
        return send(res, 200, JSON.stringify({ result: result ?? null }), 'application/json');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', 'text/plain');
      const file = await readStaticFile(RENDERER, url.pathname);
      if (!file) return send(res, 404, 'not found', 'text/plain');
      return send(res, 200, file.body, file.type, {
        'content-security-policy': contentSecurityPolicy('web', origin),
      });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError((e as Error).message || 'internal error', 'failed');
      if (!(e instanceof ApiError)) console.error(e);
      const wire = encodeHttpError(err);
      return send(res, wire.status, wire.body, 'application/json');
    }
  });
  return {
    server,
    listen(port: number): Promise<string> {
      return new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(port, '127.0.0.1', () => {
          const addr = server.address();
          if (!addr || typeof addr === 'string') return fail(new Error('no address'));
          origin = `http://127.0.0.1:${addr.port}`;
          ok(origin);
        });
      });
    },
  };
}

export interface RunningWeb {
  /** The page's URL, with the per-run token. */
  url: string;
  origin: string;
  dataDir: string;
  /** Stop serving, save what is pending and release the data-folder lock. */
  stop(): Promise<void>;
}

/** Build the page if needed, open the student's data and serve both on 127.0.0.1. */
export async function startWebServer(opts: CliOptions): Promise<RunningWeb> {
  ensureBuilt();
  const service = await Service.create({ catalogFiles: opts.catalogs, dataDir: opts.dataDir, host: webHost });
  const token = randomBytes(24).toString('base64url');
  const web = createWebServer(asApi(service), token);
  const origin = await web.listen(opts.port);
  let stopped: Promise<void> | null = null;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    dataDir: opts.dataDir,
    stop() {
      stopped ??= (async () => {
        web.server.close();
        web.server.closeAllConnections();
        await service.close(); // waits for the last write, then releases the data-folder lock
      })();
      return stopped;
    },
  };
}

/** Ctrl+C and SIGTERM save first, then exit. */
export function stopOnSignals(running: RunningWeb, exit: (code: number) => void = (c) => process.exit(c)): void {
  const stop = () =>
    void running.stop().then(
      () => exit(0),
      (e: unknown) => {
        process.stderr.write(`Lecture Companion: your last changes could not be saved: ${(e as Error).message}\n`);
        exit(1);
      },
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export const BUNDLED_CATALOG = join(ROOT, 'resources/catalog.md');

async function main(): Promise<void> {
  const running = await startWebServer(parseOptions(process.argv.slice(2), BUNDLED_CATALOG));
  process.stdout.write(`${running.url}\n`);
  process.stderr.write(`Lecture Companion: serving on ${running.origin} (data: ${running.dataDir}); Ctrl+C stops\n`);
  stopOnSignals(running);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    process.stderr.write(`Lecture Companion: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
