// Browser mode's first request, sent as the page's code starts: the library's first screen
// (library.svelte.ts, load). At 10,000 lectures its answer takes about as long to come as the
// rest of the app takes to start, so the two now overlap instead of following each other.
// main.ts imports this module first; it imports nothing, so it runs before the app's code.
// Electron's preload bridge needs none of this: its answers are not read over HTTP.

/** The per-run token from the page URL's hash (kept for a reload, which has no hash). */
export function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem('lc-token', fromHash);
  return fromHash ?? sessionStorage.getItem('lc-token') ?? '';
}

/** One call of the loopback transport: POST /api/<method> with the token. */
export function post(base: string, token: string, method: string, body: string, keepalive = false): Promise<Response> {
  return fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lc-token': token },
    body,
    keepalive,
  });
}

/** The page's first call, exactly: the same method and arguments. */
const FIRST = { method: 'getLibrary', body: JSON.stringify({ firstScreen: true }) };

function start(): Promise<Response> | null {
  if (typeof window === 'undefined' || window.api || !/^https?:$/.test(location.protocol)) return null;
  const token = tokenFromLocation();
  if (!token) return null;
  const sent = post(location.origin, token, FIRST.method, FIRST.body);
  sent.catch(() => {}); // a failure is the taker's to report; untaken, it is nobody's
  return sent;
}

let early = start();

/** The answer already asked for, when this is the page's first call; each is taken once. */
export function takeEarly(method: string, body: string): Promise<Response> | null {
  if (!early || method !== FIRST.method || body !== FIRST.body) return null;
  const taken = early;
  early = null;
  return taken;
}
