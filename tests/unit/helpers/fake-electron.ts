// A stand-in for the parts of the 'electron' main-process module that electron/main/index.ts
// uses, so the lifecycle glue runs under vitest without an Electron binary. It models
// Electron's own rules where the glue depends on them (lib/browser + shell/browser/browser.cc):
//
// - app.quit(): 'before-quit' (preventable) → every window gets a preventable 'close'; one
//   prevented close cancels the whole quit → once the window list is empty, 'will-quit'
//   (preventable; prevented = the quit is cancelled) → 'quit' → the process exits (code 0).
//   While quitting, the last window closing does not emit 'window-all-closed'.
// - BrowserWindow.close(): preventable 'close', then 'closed'; destroy(): 'closed' only.
//   Any other method on a destroyed window throws "Object has been destroyed".
// - BrowserWindow, screen, session and protocol.handle need the app to be ready;
//   protocol.registerSchemesAsPrivileged must come before ready, once.
// - ipcMain.handle refuses a second handler for one channel.
// - session.webRequest.onBeforeSendHeaders keeps one listener (a new one replaces the old, as
//   in Electron); `headersFor(url, headers)` runs it as Chromium would for a request whose URL
//   matches its filter (`scheme://host/*` patterns), and returns the headers unchanged otherwise.
// - app emits 'web-contents-created' for every web contents (a window's, and any other such
//   as a webview's or a devtools page's), before it loads anything.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export const APP_PAGE = 'app://lecture-companion/index.html';

/** The event ipcMain hands its listeners, as sent by a frame at `url`. */
export function ipcEvent(url: string = APP_PAGE) {
  return { senderFrame: { url }, sender: { id: 1 }, processId: 1, frameId: 1 };
}

export interface FakeOptions {
  /** What requestSingleInstanceLock() answers. */
  singleInstanceLock?: boolean;
  /** Work areas of the connected displays. */
  displays?: Rect[];
  /** What app.getAppPath() answers (the folder holding resources/). */
  appPath?: string;
  /** What app.getPreferredSystemLanguages() answers (the OS's languages, most preferred first). */
  systemLanguages?: string[];
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: FakeOptions = {}) {
  /** What happened, in order: app events, window events, messages to pages. */
  const log: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  // Not ready until the test says so: index.ts must register its scheme before 'ready'.
  let isReady = false;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((r) => (resolveReady = r));
  const makeReady = () => {
    if (isReady) return;
    isReady = true;
    resolveReady();
    app.emit('ready', fakeEvent(), {});
  };
  const needReady = (what: string) => {
    if (!isReady) throw new Error(`${what} cannot be used before the app is ready`);
  };

  // ---- app -------------------------------------------------------------------------------

  class FakeApp extends EventEmitter {
    name = 'Electron';
    readonly isPackaged = false;
    /** Browser::is_quitting_ / is_shutdown_ / is_exiting_. */
    quitting = false;
    shutdown = false;
    exiting = false;
    /** Set when the process would end: 0 after a completed quit, the code given to exit(). */
    exitCode: number | undefined = undefined;
    setName = vi.fn((name: string) => {
      this.name = name;
    });
    getName = () => this.name;
    getAppPath = vi.fn(() => options.appPath ?? process.cwd());
    whenReady = vi.fn(() => readyPromise);
    isReady = () => isReady;
    requestSingleInstanceLock = vi.fn(() => options.singleInstanceLock ?? true);
    getPreferredSystemLanguages = () => options.systemLanguages ?? ['en-US'];

    override emit(name: string | symbol, ...args: unknown[]): boolean {
      if (name !== 'ready') log.push(`app:${String(name)}`);
      return super.emit(name, ...args);
    }

    quit = vi.fn(() => {
      if (this.quitting || this.shutdown) return;
      const e = fakeEvent();
      this.emit('before-quit', e);
      this.quitting = !e.defaultPrevented;
      if (!this.quitting) return;
      if (windows.length === 0) this.notifyAndShutdown();
      else for (const w of [...windows]) if (!w.isDestroyed()) w.close();
    });

    exit = vi.fn((code = 0) => {
      if (this.exitCode !== undefined) return;
      this.exiting = true;
      log.push(`app.exit(${code})`);
      for (const w of [...windows]) w.destroy();
      this.exitCode = code;
    });

    /** WindowList::WindowCloseCancelled → Browser::OnWindowCloseCancelled. */
    windowCloseCancelled() {
      if (this.quitting) this.quitting = false;
    }

    /** Browser::OnWindowAllClosed. */
    windowAllClosed() {
      if (this.exiting) return;
      if (this.quitting) this.notifyAndShutdown();
      else this.emit('window-all-closed');
    }

    private notifyAndShutdown() {
      if (this.shutdown) return;
      const e = fakeEvent();
      this.emit('will-quit', e);
      if (e.defaultPrevented) {
        this.quitting = false;
        return;
      }
      this.shutdown = true;
      this.quitting = true;
      this.emit('quit', fakeEvent(), 0);
      this.exitCode = 0;
    }
  }
  const app = new FakeApp();

  // ---- windows ---------------------------------------------------------------------------

  class FakeWebContents extends EventEmitter {
    readonly sent: unknown[][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    #destroyed = false;
    isDestroyed = () => this.#destroyed;
    destroyInternal() {
      this.#destroyed = true;
    }
    send = vi.fn((channel: string, ...args: unknown[]) => {
      if (this.#destroyed) throw new TypeError('Object has been destroyed');
      log.push(`send:${channel}`);
      this.sent.push([channel, ...args]);
    });
    setWindowOpenHandler = vi.fn((h: (details: { url: string }) => { action: string }) => {
      this.windowOpenHandler = h;
    });
    /** What Electron does for a navigation: emit, then report whether a listener stopped it. */
    /** `frame: 'sub'` is a navigation inside an iframe (Electron's isMainFrame false); will-navigate is main-frame only. */
    navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, frame: 'main' | 'sub' = 'main'): boolean {
      const e = { ...fakeEvent(), url, isMainFrame: frame === 'main' };
      this.emit(event, e, url);
      return e.defaultPrevented;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => [...windows];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever index.ts passes; tests read nested options back
    readonly options: Record<string, any>;
    readonly webContents = new FakeWebContents();
    loadedURL: string | null = null;
    #destroyed = false;
    #bounds: Rect;
    #minimized = false;
    #maximized = false;
    #visible: boolean;
    focused = false;
    readonly calls: string[] = [];

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as `options` above
    constructor(opts: Record<string, any> = {}) {
      super();
      needReady('BrowserWindow');
      this.options = opts;
      const area = (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }])[0]!;
      const width = opts.width ?? 800;
      const height = opts.height ?? 600;
      this.#bounds = {
        x: opts.x ?? Math.round(area.x + (area.width - width) / 2),
        y: opts.y ?? Math.round(area.y + (area.height - height) / 2),
        width,
        height,
      };
      this.#visible = opts.show !== false;
      windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }

    #alive(method: string) {
      if (this.#destroyed) throw new TypeError('Object has been destroyed');
      this.calls.push(method);
    }
    override emit(name: string | symbol, ...args: unknown[]): boolean {
      log.push(`win:${String(name)}`);
      return super.emit(name, ...args);
    }

    isDestroyed = () => this.#destroyed;
    close = vi.fn(() => {
      if (this.#destroyed) return;
      const e = fakeEvent();
      this.emit('close', e);
      if (e.defaultPrevented) {
        log.push('win:close-prevented');
        app.windowCloseCancelled();
        return;
      }
      this.#teardown();
    });
    destroy = vi.fn(() => {
      if (this.#destroyed) return;
      log.push('win.destroy()');
      this.#teardown();
    });
    #teardown() {
      this.#destroyed = true;
      this.webContents.destroyInternal();
      this.emit('closed');
      windows.splice(windows.indexOf(this), 1);
      if (windows.length === 0) app.windowAllClosed();
    }

    loadURL = vi.fn(async (url: string) => {
      this.#alive('loadURL');
      this.loadedURL = url;
      await Promise.resolve();
      // first paint of a hidden window
      if (!this.#destroyed) this.emit('ready-to-show');
    });
    show = vi.fn(() => {
      this.#alive('show');
      this.#visible = true;
      this.#minimized = false;
    });
    isVisible = () => (this.#alive('isVisible'), this.#visible);
    focus = vi.fn(() => {
      this.#alive('focus');
      this.focused = true;
    });
    minimize = vi.fn(() => {
      this.#alive('minimize');
      this.#minimized = true;
      this.focused = false;
    });
    isMinimized = () => (this.#alive('isMinimized'), this.#minimized);
    restore = vi.fn(() => {
      this.#alive('restore');
      this.#minimized = false;
      this.#visible = true;
    });
    maximize = vi.fn(() => {
      this.#alive('maximize');
      this.#maximized = true;
      this.#visible = true; // Electron: maximize() also shows a hidden window
    });
    unmaximize = vi.fn(() => {
      this.#alive('unmaximize');
      this.#maximized = false;
    });
    isMaximized = () => (this.#alive('isMaximized'), this.#maximized);
    getBounds = () => (this.#alive('getBounds'), { ...this.#bounds });
    getNormalBounds = () => (this.#alive('getNormalBounds'), { ...this.#bounds });
    /** Moves or resizes the window as the student would, with the events Electron emits. */
    setBounds = vi.fn((b: Partial<Rect>) => {
      this.#alive('setBounds');
      const before = this.#bounds;
      this.#bounds = { ...before, ...b };
      if (this.#bounds.x !== before.x || this.#bounds.y !== before.y) this.emit('move');
      if (this.#bounds.width !== before.width || this.#bounds.height !== before.height) this.emit('resize');
    });
  }

  // ---- ipcMain, protocol, session, screen, shell, dialog ----------------------------------

  type Handler = (event: unknown, ...args: unknown[]) => unknown;
  class FakeIpcMain extends EventEmitter {
    readonly handlers = new Map<string, Handler>();
    handle = vi.fn((channel: string, handler: Handler) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    });
    removeHandler = vi.fn((channel: string) => void this.handlers.delete(channel));
    /** ipcRenderer.invoke from a frame at `url`. */
    async invoke(channel: string, url: string, ...args: unknown[]): Promise<unknown> {
      const h = this.handlers.get(channel);
      if (!h) throw new Error(`No handler registered for '${channel}'`);
      return h(ipcEvent(url), ...args);
    }
    /** ipcRenderer.send from a frame at `url`. */
    sendFrom(channel: string, url: string, ...args: unknown[]): void {
      log.push(`ipc:${channel}${args.length ? `(${args.map((a) => JSON.stringify(a)).join(',')})` : ''}`);
      this.emit(channel, ipcEvent(url), ...args);
    }
  }
  const ipcMain = new FakeIpcMain();

  const privilegedSchemes: unknown[][] = [];
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
      if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      if (privilegedSchemes.length) throw new Error('protocol.registerSchemesAsPrivileged can only be called once');
      privilegedSchemes.push(schemes);
    }),
    handle: vi.fn((scheme: string, handler: (req: Request) => Promise<Response>) => {
      needReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
      protocolHandlers.set(scheme, handler);
    }),
  };

  const permissions = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
    check: null as null | ((wc: unknown, permission: string, origin?: string, details?: unknown) => boolean),
  };
  type HeadersListener = (
    details: { url: string; requestHeaders: Record<string, string> },
    cb: (r: { requestHeaders?: Record<string, string> }) => void,
  ) => void;
  let beforeSendHeaders: { urls: string[]; listener: HeadersListener } | null = null;
  const matches = (pattern: string, url: string) =>
    new RegExp(
      '^' +
        pattern
          .split('*')
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*') +
        '$',
    ).test(url);
  /** The headers a request to `url` leaves with, after the app's onBeforeSendHeaders listener. */
  const headersFor = (url: string, headers: Record<string, string>): Record<string, string> => {
    if (!beforeSendHeaders || !beforeSendHeaders.urls.some((p) => matches(p, url))) return headers;
    let out = headers;
    beforeSendHeaders.listener({ url, requestHeaders: { ...headers } }, (r) => void (out = r.requestHeaders ?? headers));
    return out;
  };
  const defaultSession = {
    webRequest: {
      onBeforeSendHeaders: vi.fn(
        (filter: { urls: string[] }, listener: HeadersListener) => void (beforeSendHeaders = { urls: filter.urls, listener }),
      ),
    },
    setPermissionRequestHandler: vi.fn((h: typeof permissions.request) => void (permissions.request = h)),
    setPermissionCheckHandler: vi.fn((h: typeof permissions.check) => void (permissions.check = h)),
  };
  const session = {
    get defaultSession() {
      needReady('session');
      return defaultSession;
    },
  };

  const screen = {
    getAllDisplays: vi.fn(() => {
      needReady('The screen module');
      return (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((workArea, i) => ({
        id: i + 1,
        bounds: workArea,
        workArea,
        scaleFactor: 1,
      }));
    }),
  };

  const shell = { openExternal: vi.fn(async (_url: string) => {}) };

  const dialog = {
    showErrorBox: vi.fn((title: string, content: string) => void log.push(`dialog.showErrorBox(${title}: ${content})`)),
    showSaveDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined })),
    showOpenDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  };

  /** The module namespace index.ts imports from 'electron'. */
  const module = { app, BrowserWindow: FakeBrowserWindow, dialog, ipcMain, protocol, screen, session, shell };

  /** A web contents that belongs to no window of the app's (a webview, a devtools page…). */
  const createWebContents = () => {
    const wc = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), wc);
    return wc;
  };
  return {
    module,
    app,
    ipcMain,
    protocol,
    privilegedSchemes,
    protocolHandlers,
    permissions,
    headersFor,
    dialog,
    shell,
    screen,
    windows,
    log,
    makeReady,
    createWebContents,
  };
}

/** The 'electron' module for vi.mock: every export reads the fake that is current at the time. */
export function electronModuleFor(current: () => FakeElectron): FakeElectron['module'] {
  const names = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'protocol', 'screen', 'session', 'shell'] as const;
  return Object.defineProperties(
    {},
    Object.fromEntries(names.map((n) => [n, { enumerable: true, get: () => current().module[n] }])),
  ) as FakeElectron['module'];
}
