// The renderer's only way to reach the app: the preload's `window.api` in Electron,
// or the same contract over the loopback HTTP transport in a browser (`npm run web`).
import { METHODS, type Api, type Method } from '../../../electron/shared/contract';

declare global {
  interface Window {
    api?: Api;
    /** Electron only: main asks the page to save before the window closes. */
    appEvents?: { onFlushRequest(callback: () => void): () => void };
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
  throw new AppError(m ? m[2] : msg, m ? m[1] : 'failed');
}

function fromIpc(api: Api): Api {
  const out = {} as Record<Method, (args: unknown) => Promise<unknown>>;
  for (const m of METHODS) out[m] = (args) => (api[m] as (a: unknown) => Promise<unknown>)(args).catch(unwrapIpcError);
  return out as Api;
}

/** The loopback transport: POST /api/<method> with the per-run token from the page URL's hash. */
export function httpApi(base: string, token: string): Api {
  const out = {} as Record<Method, (args: unknown) => Promise<unknown>>;
  for (const m of METHODS) {
    out[m] = async (args) => {
      const res = await fetch(`${base}/api/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lc-token': token },
        body: JSON.stringify(args ?? {}),
      });
      const body = (await res.json().catch(() => null)) as { result?: unknown; error?: string; code?: string } | null;
      if (!res.ok || !body) throw new AppError(body?.error ?? `request failed (${res.status})`, body?.code ?? 'failed');
      return body.result;
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
