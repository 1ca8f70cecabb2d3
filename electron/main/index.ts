// App lifecycle and the window. Everything else lives in plain modules (service, store,
// catalog, security) that the tests run under Node without Electron.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { writeFiles } from './files';
import { registerIpc } from './ipc';
import { APP_NAME, parseOptions } from './options';
import { APP_SCHEME, denyAllPermissions, hardenWebContents, isAppUrl, registerAppProtocol, safeOpenExternal, secureWebPreferences } from './security';
import { asApi, Service, type Host } from './service';

app.setName(APP_NAME);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// One writer per data file: a second launch hands over to the first window and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  let opts;
  try {
    opts = parseOptions(process.argv.slice(app.isPackaged ? 1 : 2), join(resources, 'catalog.md'));
  } catch (e) {
    dialog.showErrorBox(APP_NAME, (e as Error).message);
    return app.exit(2);
  }
  const openExternal = safeOpenExternal((url) => shell.openExternal(url));
  let win: BrowserWindow | null = null;

  const host: Host = {
    async openExternal(url) {
      if (!openExternal(url)) throw new Error(`refused to open ${url}`);
    },
    async chooseSavePath(defaultPath, kind) {
      if (kind === 'directory') {
        const r = await dialog.showOpenDialog(win!, { title: 'Export notes into folder', properties: ['openDirectory', 'createDirectory'] });
        return r.canceled ? null : join(r.filePaths[0], defaultPath);
      }
      const r = await dialog.showSaveDialog(win!, { defaultPath });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    writeFiles,
  };

  let service: Service;
  try {
    service = await Service.create({ catalogFiles: opts.catalogs, dataDir: opts.dataDir, host });
  } catch (e) {
    dialog.showErrorBox(APP_NAME, `Could not open your data in ${opts.dataDir}:\n${(e as Error).message}`);
    return app.exit(1);
  }
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'), net);
  registerIpc(ipcMain, asApi(service), { isAppUrl });

  const saved = service.store.data.window;
  const visible = saved && screen.getAllDisplays().some((d) => {
    const a = d.workArea;
    return saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y;
  });
  win = new BrowserWindow({
    width: saved?.width ?? 1200,
    height: saved?.height ?? 800,
    ...(visible ? { x: saved!.x, y: saved!.y } : {}),
    minWidth: 720,
    minHeight: 480,
    title: APP_NAME,
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  if (saved?.maximized) win.maximize();
  hardenWebContents(win.webContents, { isAppUrl, openExternal });
  win.once('ready-to-show', () => win?.show());

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const rememberBounds = () => {
    if (!win || win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    void service.store.setWindow({ ...b, maximized: win.isMaximized() }).catch(() => {});
  };
  let boundsTimer: NodeJS.Timeout | undefined;
  const debounceBounds = () => { clearTimeout(boundsTimer); boundsTimer = setTimeout(rememberBounds, 500); };
  win.on('resize', debounceBounds);
  win.on('move', debounceBounds);

  // Closing waits for the renderer to flush the note being typed (it answers by closing again),
  // with a deadline so a hung page cannot keep the app open.
  let flushed = false;
  win.on('close', (e) => {
    rememberBounds();
    if (flushed) return;
    e.preventDefault();
    flushed = true;
    win?.webContents.send('lc:flush');
    setTimeout(() => win && !win.isDestroyed() && win.close(), 3000);
  });
  win.on('closed', () => { win = null; });

  let quitting = false;
  app.on('before-quit', (e) => {
    if (quitting) return;
    e.preventDefault();
    quitting = true;
    // Quit waits for the last write to reach disk and releases the data-folder lock.
    void service.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());

  await win.loadURL(`${APP_SCHEME}://lecture-companion/index.html`);
}
