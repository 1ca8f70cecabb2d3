// The built renderer's files, for both ways of serving them: the app:// protocol in Electron and
// the loopback server in browser mode. One path check, one table of content types.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The file under rootDir that an app:// path names, or null when the path is malformed or would
 * leave rootDir (../, encoded dots or slashes, backslashes, drive letters, NUL).
 */
export function resolveAppPath(rootDir: string, urlPathname: string): string | null {
  if (typeof urlPathname !== 'string' || !urlPathname.startsWith('/') || urlPathname.length > 1024) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\:]/.test(decoded) || decoded.startsWith('//')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (decoded.endsWith('/')) segments[segments.length - 1] = 'index.html';
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !file.startsWith(root + sep)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file an URL path names under rootDir (`/` is index.html), or null when it is outside or missing. */
export async function readStaticFile(rootDir: string, urlPathname: string): Promise<{ body: Buffer; type: string } | null> {
  const file = resolveAppPath(rootDir, urlPathname === '/' ? '/index.html' : urlPathname);
  if (file === null) return null;
  try {
    return { body: await readFile(file), type: contentTypeFor(file) };
  } catch {
    return null;
  }
}
