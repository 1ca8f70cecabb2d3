// The only file that touches ipcMain. Every contract method gets one handler that, in order:
// checks the sender is the app's own page, validates the payload against the contract, calls
// the service. Electron passes only an error's message to the renderer, so the ApiError code
// travels as a "[code] " prefix.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, METHODS, parseArgs, type Api, type Method } from '../shared/contract';

export const IPC_PREFIX = 'lc:';
/** Long enough for any real message; a 10 MB key name in a zod message is cut, not echoed. */
const MAX_MESSAGE = 500;

type Code = ApiError['code'];

function wireError(code: Code, message: string): Error {
  const text = message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE) + '…' : message;
  return new Error(`[${code}] ${text}`);
}

/** "[invalid] setWatched: videoId: not a video id" → { code, message }; for the renderer. */
export function parseWireError(message: string): { code: Code; message: string } {
  // Electron prefixes "Error invoking remote method 'lc:x': Error: " to the message.
  const m = /\[(invalid|not-found|forbidden|readonly|failed)\] ([\s\S]*)$/.exec(message);
  return m ? { code: m[1] as Code, message: m[2]! } : { code: 'failed', message };
}

function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function senderUrl(event: Pick<IpcMainInvokeEvent, 'senderFrame'> | undefined): string {
  try {
    // senderFrame is null once the frame navigated away or was destroyed.
    const url = event?.senderFrame?.url;
    return typeof url === 'string' ? url : '';
  } catch {
    return '';
  }
}

export function makeHandler(
  name: Method,
  api: Api,
  opts: { isAppUrl(url: string): boolean },
): (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown> {
  return async (event, payload) => {
    const from = senderUrl(event);
    if (!opts.isAppUrl(from)) {
      throw wireError('forbidden', `forbidden: ${name} from ${from ? JSON.stringify(from.slice(0, 100)) : 'an unknown frame'}`);
    }
    try {
      // Structured clone can deliver a Date, Map or typed array, which zod's object check would
      // read as an empty object; only a plain object (or nothing) is an argument object.
      if (payload != null && !isPlainObject(payload)) throw new ApiError(`${name}: arguments must be an object`, 'invalid');
      const args = parseArgs(name, payload);
      // Each method's args type matches its own schema; the union is not expressible per call.
      return await (api[name] as (a: unknown) => Promise<unknown>)(args);
    } catch (e) {
      if (e instanceof ApiError) throw wireError(e.code, e.message);
      throw wireError('failed', `${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, api: Api, opts: { isAppUrl(url: string): boolean }): void {
  for (const name of METHODS) ipcMain.handle(IPC_PREFIX + name, makeHandler(name, api, opts));
}
