// The whole bridge: one named function per contract method. The page never sees ipcRenderer,
// an event object or a channel name.
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, Method } from '../shared/contract';
import { FLUSH_CHANNELS, METHOD_NAMES, methodChannel } from '../shared/wire';

// The method list comes from a file with no imports, so the bundled preload requires only
// 'electron' (a sandboxed preload can load nothing else); contract.ts checks it is complete.
const names: readonly Method[] = METHOD_NAMES;

const api = Object.freeze(
  Object.fromEntries(names.map((name) => [name, (args: unknown) => ipcRenderer.invoke(methodChannel(name), args)])),
) as Api;

contextBridge.exposeInMainWorld('api', api);

// App lifecycle, kept apart from `api` so the page's API is exactly the contract.
// Main asks the page to save the note being typed before the window closes. The preload
// acknowledges at once (so main knows the page is alive and waits), then reports the page's
// answer: true to close, false to stay open (the student chose to keep an unsaved edit).
contextBridge.exposeInMainWorld(
  'appEvents',
  Object.freeze({
    onFlushRequest(callback: () => Promise<boolean> | boolean): () => void {
      const listener = () => {
        ipcRenderer.send(FLUSH_CHANNELS.ack);
        Promise.resolve()
          .then(() => callback())
          .then(
            (close) => ipcRenderer.send(FLUSH_CHANNELS.result, close !== false),
            () => ipcRenderer.send(FLUSH_CHANNELS.result, true),
          );
      };
      ipcRenderer.on(FLUSH_CHANNELS.request, listener);
      return () => ipcRenderer.removeListener(FLUSH_CHANNELS.request, listener);
    },
  }),
);
