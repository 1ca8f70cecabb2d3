// The renderer's only way to reach the app: the preload's `window.api` in Electron,
// or the same contract over the loopback HTTP transport in a browser (`npm run web`).
// Method names come from methods.ts, which imports nothing: contract.ts would pull zod into the page.
import { METHOD_NAMES } from '../../../electron/shared/methods';
import type { Api, Method } from '../../../electron/shared/contract';

declare global {
  interface Window {
    api?: Api;
    /** Electron only: main asks the page to save before the window closes. */
    appEvents?: { onFlushRequest(callback: () => Promise<boolean> | boolean): () => void };
  }
}

/** Error thrown by the transport, carrying the message the app can show as is. */
export class AppError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'AppError';
  }
}

/** Electron passes only the message across IPC; main prefixes it with the code: `[invalid] …`. */
function unwrapIpcError(e: unknown): never {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /\[(invalid|not-found|forbidden|readonly|failed)\]\s*(.*)$/s.exec(msg);
  throw new AppError(m?.[2] ?? msg, m?.[1] ?? 'failed');
}

function fromIpc(api: Api): Api {
  const out = {} as Record<Method, (args: unknown) => Promise<unknown>>;
  for (const m of METHOD_NAMES) out[m] = (args) => (api[m] as (a: unknown) => Promise<unknown>)(args).catch(unwrapIpcError);
  return out as Api;
}

/** Under keepalive's 64 KB body limit, with room for the headers some browsers count. */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;
// UTF-8 never has fewer bytes than UTF-16 code units, so long bodies skip the byte count.
const fitsKeepalive = (body: string) => body.length < KEEPALIVE_MAX_BYTES && new Blob([body]).size < KEEPALIVE_MAX_BYTES;

/** The loopback transport: POST /api/<method> with the per-run token from the page URL's hash. */
export function httpApi(base: string, token: string): Api {
  const out = {} as Record<Method, (args: unknown) => Promise<unknown>>;
  for (const m of METHOD_NAMES) {
    out[m] = async (args) => {
      const body = JSON.stringify(args ?? {});
      const res = await fetch(`${base}/api/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lc-token': token },
        body,
        // A note saved from beforeunload must outlive the page; keepalive bodies are capped at 64 KB.
        keepalive: m === 'saveNote' && fitsKeepalive(body),
      });
      const reply = (await res.json().catch(() => null)) as { result?: unknown; error?: string; code?: string } | null;
      if (!res.ok || !reply) throw new AppError(reply?.error ?? `request failed (${res.status})`, reply?.code ?? 'failed');
      return reply.result;
    };
  }
  return out as Api;
}

function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem('lc-token', fromHash);
  return fromHash ?? sessionStorage.getItem('lc-token') ?? '';
}

export function connect(): Api {
  if (window.api) return fromIpc(window.api);
  return httpApi(location.origin, tokenFromLocation());
}
