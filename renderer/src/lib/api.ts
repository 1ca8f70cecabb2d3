// The renderer's only way to reach the app: the preload's `window.api` in Electron,
// or the same contract over the loopback HTTP transport in a browser (`npm run web`).
// Method names and error decoding come from wire.ts, which imports nothing: contract.ts would pull zod into the page.
import { ApiError, decodeHttpError, decodeIpcError, METHOD_NAMES } from '../../../electron/shared/wire';
import { t } from './i18n/locale.svelte';
import type { MessageKey } from './i18n/en';
import type { Api, ExportResult, Method } from '../../../electron/shared/contract';
import { download, openExternal } from './browser-host';
import { post, takeEarly, tokenFromLocation } from './first-request';

declare global {
  interface Window {
    api?: Api;
    /** Electron only: main asks the page to save before the window closes. */
    appEvents?: { onFlushRequest(callback: () => Promise<boolean> | boolean): () => void };
  }
}

/** An error the service named is worded in the UI language; the English message is the fallback. */
export function inUiLanguage(e: ApiError): ApiError {
  if (!e.words) return e;
  // Typed: the compiler checks that the catalog words every error the service can name.
  const key: MessageKey = `error.${e.words.key}`;
  return new ApiError(t(key, e.words.params), e.code, e.words);
}

/** Electron passes only the message across IPC; wire.ts decodes the code from it. */
function unwrapIpcError(e: unknown): never {
  throw inUiLanguage(decodeIpcError(e));
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
      // A note saved from beforeunload must outlive the page; keepalive bodies are capped at 64 KB.
      // The player's last position is sent from pagehide too, so it rides the same way.
      const keepalive = (m === 'saveNote' || m === 'savePlayback') && fitsKeepalive(body);
      const { ok, status, reply } = await (takeEarly(m, body) ?? post(base, token, m, body, keepalive));
      if (!ok || !reply) throw inUiLanguage(decodeHttpError(status, reply));
      afterCall(m, reply.result);
      return reply.result;
    };
  }
  return out as Api;
}

/** In browser mode the page is the host: it opens what the service built and saves what it exported. */
function afterCall(m: Method, result: unknown): void {
  if (m === 'openVideo') openExternal((result as { url: string }).url);
  if (m === 'exportNotes' || m === 'exportBackup') download((result as ExportResult).downloads);
}

export function connect(): Api {
  if (window.api) return fromIpc(window.api);
  return httpApi(location.origin, tokenFromLocation());
}
