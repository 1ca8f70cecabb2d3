// Browser mode's first request, sent before the app's code has loaded: the library's first
// screen (library.svelte.ts, load). Its answer is read and parsed as soon as it comes, while
// the app's chunk is still loading, so at 10,000 lectures the page finds it ready instead of
// reading half a megabyte then. main.ts imports this module; it imports nothing.
// Electron's preload bridge needs none of this: its answers are not read over HTTP.

/** The per-run token from the page URL's hash (kept for a reload, which has no hash). */
export function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem('lc-token', fromHash);
  return fromHash ?? sessionStorage.getItem('lc-token') ?? '';
}

/** An answer of the loopback transport: its status and its JSON (null when it had none). */
export interface Answer {
  ok: boolean;
  status: number;
  reply: { result?: unknown } | null;
}

/** One call of the loopback transport: POST /api/<method> with the token, its answer read. */
export async function post(base: string, token: string, method: string, body: string, keepalive = false): Promise<Answer> {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lc-token': token },
    body,
    keepalive,
  });
  const reply = (await res.json().catch(() => null)) as Answer['reply'];
  return { ok: res.ok, status: res.status, reply };
}

/** The page's first call, exactly: the same method and arguments. */
const FIRST = { method: 'getLibrary', body: JSON.stringify({ firstScreen: true }) };

function start(): Promise<Answer> | null {
  if (typeof window === 'undefined' || window.api || !/^https?:$/.test(location.protocol)) return null;
  const token = tokenFromLocation();
  if (!token) return null;
  const sent = post(location.origin, token, FIRST.method, FIRST.body);
  sent.catch(() => {}); // a failure is the taker's to report; untaken, it is nobody's
  return sent;
}

let early = start();

/** The answer already asked for, when this is the page's first call; each is taken once. */
export function takeEarly(method: string, body: string): Promise<Answer> | null {
  if (!early || method !== FIRST.method || body !== FIRST.body) return null;
  const taken = early;
  early = null;
  return taken;
}
