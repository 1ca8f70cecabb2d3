// App lifecycle and the window. Everything else lives in plain modules (service, store,
// catalog, security, window-state) that the tests run under Node without Electron.
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { main as catalogCli } from './cli';
import { writeFiles } from './files';
import { registerFlushChannel, registerIpc } from './ipc';
import { FLUSH_CHANNELS } from '../shared/wire';
import { APP_NAME, parseOptions } from './options';
import {
  APP_SCHEME,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  registerAppProtocol,
  safeOpenExternal,
  secureWebPreferences,
} from './security';
import type { Host } from './host';
import { addEmbedReferer } from './embed-referer';
import { asApi, Service } from './service';
import { nativeLanguage, nativeText } from './native-text';
import { initialBounds, MIN_SIZE } from './window-state';

app.setName(APP_NAME);
const args = process.argv.slice(app.isPackaged ? 1 : 2);

if (args[0] === 'catalog') {
  // `Lecture Companion catalog FILE... [--json]`: the same command line as `npm run catalog`.
  // Pipes are written asynchronously: wait for both streams to drain, or a long document is cut.
  const drained = () => Promise.all([process.stdout, process.stderr].map((s) => new Promise((ok) => s.write('', ok))));
  void catalogCli(args.slice(1), process).then(
    async (code) => {
      await drained();
      app.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`catalog: ${e instanceof Error ? e.message : String(e)}\n`);
      app.exit(1);
    },
  );
} else if (!app.requestSingleInstanceLock()) {
  // One writer per data file: a second launch hands over to the first window and exits.
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  void start();
}

async function start(): Promise<void> {
  let win: BrowserWindow | null = null;
  // Native dialogs speak the student's language: the saved pref once the data is open, else the OS's.
  let opened: Service | null = null;
  const lang = () => nativeLanguage(opened?.store.data.prefs.language, app.getPreferredSystemLanguages());
  // Registered before anything slow, so a second launch during start-up is not lost.
  let focusRequested = false;
  app.on('second-instance', () => {
    if (!win) return void (focusRequested = true);
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Every web contents, not only the main window's: a webview or devtools page gets the same rules.
  const openExternal = safeOpenExternal((url) => shell.openExternal(url));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl, openExternal }));

  await app.whenReady();
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  let opts;
  try {
    opts = parseOptions(args, join(resources, 'catalog.md'));
  } catch (e) {
    dialog.showErrorBox(APP_NAME, nativeText(lang(), 'badArguments', { error: (e as Error).message }));
    return app.exit(2);
  }
  const host: Host = {
    exports: 'save',
    async openExternal(url) {
      if (!openExternal(url)) throw new Error(`refused to open ${url}`);
    },
    async chooseSavePath(defaultPath, kind) {
      if (kind === 'directory') {
        const r = await dialog.showOpenDialog(win!, {
          title: nativeText(lang(), 'exportFolderTitle'),
          properties: ['openDirectory', 'createDirectory'],
        });
        const [dir] = r.filePaths;
        return r.canceled || dir === undefined ? null : join(dir, defaultPath);
      }
      const r = await dialog.showSaveDialog(win!, { defaultPath });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    writeFiles,
  };

  let service: Service;
  try {
    service = await Service.create({ catalogFiles: opts.catalogs, dataDir: opts.dataDir, host });
    opened = service;
  } catch (e) {
    dialog.showErrorBox(APP_NAME, nativeText(lang(), 'openDataFailed', { dir: opts.dataDir, error: (e as Error).message }));
    return app.exit(1);
  }
  denyAllPermissions(session.defaultSession);
  addEmbedReferer(session.defaultSession);
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'));
  registerIpc(ipcMain, asApi(service), { isAppUrl });

  // The window's last size and position: Electron glue, not part of the page's API.
  const saved = service.store.data.window;
  win = new BrowserWindow({
    ...initialBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_NAME,
    // Linux has no other source for a window's icon; Windows would fall back to the .exe's (Electron's own
    // in development); macOS ignores it.
    icon: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'build/icon.png'),
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => {
    // maximize() also shows the window, so it waits until the page has painted.
    if (saved?.maximized) win?.maximize();
    win?.show();
    if (focusRequested) win?.focus();
  });

  const rememberBounds = () => {
    if (!win || win.isDestroyed() || win.isMinimized()) return;
    void service.store.setWindow({ ...win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => {});
  };
  let boundsTimer: NodeJS.Timeout | undefined;
  const debounceBounds = () => {
    clearTimeout(boundsTimer);
    boundsTimer = setTimeout(rememberBounds, 500);
  };
  win.on('resize', debounceBounds);
  win.on('move', debounceBounds);

  // Closing (also on quit: Electron closes the windows first) waits for the page to save the
  // note being typed. The page acknowledges at once, then answers close or stay (it asks the
  // student before dropping an edit that could not be saved). A page that does not even
  // acknowledge within the deadline is hung or gone: close anyway.
  let mayClose = false;
  // idle → (close) awaiting-ack → (ack) awaiting-result → (result) idle. A second close while
  // the page is asking the student ("close anyway?") must not start over or arm the deadline.
  let handshake: 'idle' | 'awaiting-ack' | 'awaiting-result' = 'idle';
  let deadline: NodeJS.Timeout | undefined;
  registerFlushChannel(ipcMain, {
    isAppUrl,
    onAck: () => {
      clearTimeout(deadline);
      if (handshake === 'awaiting-ack') handshake = 'awaiting-result';
    },
    onResult: (close) => {
      clearTimeout(deadline);
      handshake = 'idle';
      if (!close || !win || win.isDestroyed()) return;
      mayClose = true;
      win.close();
    },
  });
  win.on('close', (e) => {
    clearTimeout(boundsTimer);
    rememberBounds();
    if (mayClose) return;
    e.preventDefault();
    if (handshake !== 'idle') return;
    handshake = 'awaiting-ack';
    win?.webContents.send(FLUSH_CHANNELS.request);
    deadline = setTimeout(() => win && !win.isDestroyed() && win.destroy(), 5_000);
  });
  win.on('closed', () => {
    win = null;
  });
  app.on('window-all-closed', () => app.quit());

  // Only after every window is gone (and has flushed): write what is pending, release the
  // data-folder lock, then exit.
  let storeClosed = false;
  app.on('will-quit', (e) => {
    if (storeClosed) return;
    e.preventDefault();
    void service
      .close()
      .catch((err: unknown) => dialog.showErrorBox(APP_NAME, nativeText(lang(), 'saveFailed', { error: (err as Error).message })))
      .finally(() => {
        storeClosed = true;
        app.quit();
      });
  });

  await win.loadURL(`${APP_SCHEME}://lecture-companion/index.html`);
}
