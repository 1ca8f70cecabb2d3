// The only file that touches ipcMain. Every contract method gets one handler that, in order:
// checks the sender is the app's own page, validates the payload against the contract, calls
// the service. Errors cross as wire.ts encodes them.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, METHODS, type Api, type Method } from '../shared/contract';
import { encodeIpcError, FLUSH_CHANNELS, methodChannel } from '../shared/wire';
import { dispatch } from './dispatch';

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
      throw encodeIpcError(
        new ApiError(`forbidden: ${name} from ${from ? JSON.stringify(from.slice(0, 100)) : 'an unknown frame'}`, 'forbidden'),
      );
    }
    try {
      return await dispatch(api, name, payload);
    } catch (e) {
      throw encodeIpcError(e instanceof ApiError ? e : new ApiError(`${name}: ${e instanceof Error ? e.message : String(e)}`, 'failed'));
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, api: Api, opts: { isAppUrl(url: string): boolean }): void {
  for (const name of METHODS) ipcMain.handle(methodChannel(name), makeHandler(name, api, opts));
}

/**
 * The close handshake (see index.ts): the page acknowledges a flush request, then answers
 * whether the window may close. Only the app's own page is heard.
 */
export function registerFlushChannel(
  ipcMain: Pick<IpcMain, 'on'>,
  opts: { isAppUrl(url: string): boolean; onAck(): void; onResult(close: boolean): void },
): void {
  ipcMain.on(FLUSH_CHANNELS.ack, (event) => {
    if (opts.isAppUrl(senderUrl(event))) opts.onAck();
  });
  ipcMain.on(FLUSH_CHANNELS.result, (event, close: unknown) => {
    if (opts.isAppUrl(senderUrl(event))) opts.onResult(close !== false);
  });
}
