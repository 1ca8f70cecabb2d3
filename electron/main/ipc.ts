// The only file that touches ipcMain. Every contract method gets one handler that, in order:
// checks the sender is the app's own page, validates the payload against the contract, calls
// the service. Electron passes only an error's message to the renderer, so the ApiError code
// travels as a "[code] " prefix.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, METHODS, type Api, type Method } from '../shared/contract';
import { dispatch } from './dispatch';

export const IPC_PREFIX = 'lc:';
/** Long enough for any real message; a 10 MB key name in a zod message is cut, not echoed. */
const MAX_MESSAGE = 500;

type Code = ApiError['code'];

function wireError(code: Code, message: string): Error {
  const text = message.length > MAX_MESSAGE ? message.slice(0, MAX_MESSAGE) + '…' : message;
  return new Error(`[${code}] ${text}`);
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
      return await dispatch(api, name, payload);
    } catch (e) {
      if (e instanceof ApiError) throw wireError(e.code, e.message);
      throw wireError('failed', `${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, api: Api, opts: { isAppUrl(url: string): boolean }): void {
  for (const name of METHODS) ipcMain.handle(IPC_PREFIX + name, makeHandler(name, api, opts));
}

/**
 * The close handshake (see index.ts): the page acknowledges a flush request, then answers
 * whether the window may close. Only the app's own page is heard.
 */
export function registerFlushChannel(
  ipcMain: Pick<IpcMain, 'on'>,
  opts: { isAppUrl(url: string): boolean; onAck(): void; onResult(close: boolean): void },
): void {
  ipcMain.on(IPC_PREFIX + 'flush-ack', (event) => {
    if (opts.isAppUrl(senderUrl(event))) opts.onAck();
  });
  ipcMain.on(IPC_PREFIX + 'flush-result', (event, close: unknown) => {
    if (opts.isAppUrl(senderUrl(event))) opts.onResult(close !== false);
  });
}
