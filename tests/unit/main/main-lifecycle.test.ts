// electron/main/index.ts run for real against a fake 'electron' module (helpers/fake-electron.ts):
// start-up, window bounds, the close handshake, the quit order, single instance and the
// `catalog` subcommand. Everything below 'electron' is real: the service, the store on a temp
// data folder, the IPC handlers, the security wiring.
import { onDiskJson } from '../helpers/store';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../electron/shared/contract';
import { openStore } from '../../../electron/main/store/store';
import { secureWebPreferences } from '../../../electron/main/security';
import { APP_PAGE, createFakeElectron, type FakeElectron, type FakeOptions } from '../helpers/fake-electron';
import { ROOT, SEED } from '../helpers/fixtures';
import { tempDir } from '../helpers/service';

const holder = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('electron', async () => {
  const { electronModuleFor } = await import('../helpers/fake-electron');
  return electronModuleFor(() => holder.current as FakeElectron);
});

const FOREIGN = 'https://evil.example/index.html';
const VIDEO = '8AKqH6V9kjE'; // the seed catalog's lecture 351
const argvBefore = process.argv;
const dirs: string[] = [];

function dataDir(): string {
  const d = tempDir('lc-main-');
  dirs.push(d);
  return d;
}

/**
 * vi.waitFor with a hang guard for a timeout: it returns as soon as the condition holds, and
 * its 1 s default would fail a correct app whose store takes longer to open on a slow machine.
 */
const until = <T>(check: () => T) => vi.waitFor(check, { timeout: 30_000 });

const lockOf = (dir: string) => join(dir, '.lock');
// The data as a start would read it: the data file with the journal's lines replayed.
const dataOf = (dir: string) => onDiskJson(dir);

/** Loads index.ts afresh with this command line (after `electron .`), then makes the app ready. */
async function launch(args: string[], opts: FakeOptions = {}, { ready = true } = {}): Promise<FakeElectron> {
  // The mocked module reads the current fake at each access (vi.mock's factory runs once), so a
  // previous app still running would drive the new fake: every test ends its app first.
  const previous = holder.current as FakeElectron | null;
  if (previous && previous.app.exitCode === undefined) throw new Error('the previous app is still running');
  vi.resetModules();
  const fake = createFakeElectron({ appPath: ROOT, ...opts });
  holder.current = fake;
  process.argv = ['electron', '.', ...args];
  await import('../../../electron/main/index');
  if (ready) fake.makeReady();
  return fake;
}

/** The window once index.ts has loaded the page into it. */
async function windowOf(fake: FakeElectron) {
  await until(() => expect(fake.windows[0]?.loadedURL).toBe(APP_PAGE));
  return fake.windows[0]!;
}

async function launchApp(dir: string, opts: FakeOptions = {}) {
  const fake = await launch(['--data-dir', dir], opts);
  const win = await windowOf(fake);
  return { fake, win };
}

/** The page's side of the handshake (what the preload sends): acknowledge, then answer. */
function answerFlush(fake: FakeElectron, close: boolean, from = APP_PAGE) {
  fake.ipcMain.sendFrom('lc:flush-ack', from);
  fake.ipcMain.sendFrom('lc:flush-result', from, close);
}

async function exited(fake: FakeElectron, code = 0) {
  await until(() => expect(fake.app.exitCode).toBe(code));
}

/** The app exited cleanly and let go of its data folder. */
async function exitedUnlocked(fake: FakeElectron, dir: string) {
  await exited(fake);
  expect(existsSync(lockOf(dir))).toBe(false);
}

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  const fake = holder.current as FakeElectron | null;
  // Leave nothing running: quit the way a student would, so the store closes and lets go.
  if (fake && fake.app.exitCode === undefined && fake.windows.length) {
    fake.app.quit();
    if (fake.windows.length) answerFlush(fake, true);
    await exited(fake);
  }
  holder.current = null;
  process.argv = argvBefore;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('start-up', () => {
  it('registers the app scheme before ready, then opens one locked-down window on the app page', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);

    expect(fake.app.setName).toHaveBeenCalledWith('Lecture Companion');
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    // the fake throws if this came after ready; and it must be privileged for fetch + CSP 'self'
    expect(fake.privilegedSchemes).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);

    expect(fake.windows).toHaveLength(1);
    const o = win.options;
    expect(o).toMatchObject({ width: 1200, height: 800, minWidth: 720, minHeight: 480, title: 'Lecture Companion', show: false });
    expect(o).not.toHaveProperty('x');
    // the window icon Linux shows: in development the committed PNG (packaged: resources/icon.png)
    expect(o.icon).toBe(join(ROOT, 'build/icon.png'));
    expect(readFileSync(o.icon).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(o.webPreferences).toEqual(secureWebPreferences(join(ROOT, 'electron/preload/index.cjs')));
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(o.webPreferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(APP_PAGE);
    // hidden until the first paint, then shown
    await until(() => expect(win.show).toHaveBeenCalledTimes(1));
    expect(win.isVisible()).toBe(true);
    expect(win.maximize).not.toHaveBeenCalled();

    // the data folder is open (and locked) while the app runs
    expect(existsSync(lockOf(dir))).toBe(true);
    // The pid and its start time, so a later process that reuses the pid cannot hold the folder.
    expect(readFileSync(lockOf(dir), 'utf8')).toMatch(new RegExp(`^${process.pid}( \\d+)?$`));
  });

  it('answers every contract method over IPC for the app page only', async () => {
    const dir = dataDir();
    const { fake } = await launchApp(dir);

    expect([...fake.ipcMain.handlers.keys()]).toEqual(METHODS.map((m) => `lc:${m}`));
    expect(fake.ipcMain.listenerCount('lc:flush-ack')).toBe(1);
    expect(fake.ipcMain.listenerCount('lc:flush-result')).toBe(1);

    const lib = (await fake.ipcMain.invoke('lc:getLibrary', APP_PAGE, {})) as {
      courses: unknown[];
      lectures: { ids: unknown[] };
      store: { state: string };
    };
    expect(lib.courses).toHaveLength(5);
    expect(lib.lectures.ids.length).toBe(50);
    expect(lib.store.state).toBe('ok');

    await expect(fake.ipcMain.invoke('lc:getLibrary', FOREIGN, {})).rejects.toThrow(
      /^\[forbidden\] forbidden: getLibrary from "https:\/\/evil/,
    );
    await expect(
      fake.ipcMain.invoke('lc:saveNote', 'app://lecture-companion.evil.example/', { videoId: VIDEO, text: 'x' }),
    ).rejects.toThrow(/^\[forbidden\]/);
    await expect(fake.ipcMain.invoke('lc:getLecture', APP_PAGE, { videoId: 'nope' })).rejects.toThrow(/^\[invalid\] getLecture: videoId/);
    const lecture = (await fake.ipcMain.invoke('lc:getLecture', APP_PAGE, { videoId: VIDEO })) as { title: string; note: unknown };
    expect(lecture.title).toMatch(/Domain Adaptation/);
    expect(lecture.note).toBeNull();
  });

  it('wires the host to Electron: shell for videos, dialogs parented to the window', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);

    await expect(fake.ipcMain.invoke('lc:openVideo', APP_PAGE, { videoId: VIDEO, seconds: 75 })).resolves.toEqual({
      url: `https://www.youtube.com/watch?v=${VIDEO}&t=75s`,
    });
    await until(() => expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith(`https://www.youtube.com/watch?v=${VIDEO}&t=75s`));

    await fake.ipcMain.invoke('lc:saveNote', APP_PAGE, { videoId: VIDEO, text: 'at 1:15 the **key** idea' });
    await expect(fake.ipcMain.invoke('lc:exportNotes', APP_PAGE, { scope: 'one', videoId: VIDEO, layout: 'single' })).resolves.toEqual({
      saved: [],
      downloads: [],
    });
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(win, {
      defaultPath: expect.stringMatching(/^351-notes-\d{4}-\d\d-\d\dT[\d-]{8}\.md$/),
    });

    const out = dataDir();
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [out] });
    await fake.ipcMain.invoke('lc:saveNote', APP_PAGE, { videoId: 'jbN0oYLtXps', text: 'RL' });
    const r = (await fake.ipcMain.invoke('lc:exportNotes', APP_PAGE, { scope: 'all', layout: 'perLecture' })) as { saved: string[] };
    expect(fake.dialog.showOpenDialog.mock.calls[0]![0]).toBe(win);
    expect(fake.dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({ title: 'Export notes into folder' });
    expect(r.saved).toHaveLength(2);
    for (const f of r.saved) expect(f.startsWith(join(out, 'lecture-companion-notes-'))).toBe(true);
    expect(readFileSync(r.saved[0]!, 'utf8')).toContain('RL');
  });

  it('hardens the window and the session', async () => {
    const { fake, win } = await launchApp(dataDir());
    const wc = win.webContents;

    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    // Any other web contents (a webview, a devtools page) gets the same rules.
    const other = fake.createWebContents();
    expect(other.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(other.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(wc.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(wc.navigate('will-frame-navigate', 'app://lecture-companion/index.html#/notes')).toBe(false);
    expect(wc.navigate('will-navigate', APP_PAGE)).toBe(false);
    // a clicked YouTube link leaves the app for the browser
    expect(wc.navigate('will-navigate', `https://www.youtube.com/watch?v=${VIDEO}`)).toBe(true);
    await until(() => expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith(`https://www.youtube.com/watch?v=${VIDEO}`));

    const granted: boolean[] = [];
    fake.permissions.request!(wc, 'media', (g) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(fake.permissions.check!(wc, 'clipboard-read', 'app://lecture-companion')).toBe(false);

    // The player's frame may load the embed, and only as a subframe; the window never goes there.
    const embed = `https://www.youtube-nocookie.com/embed/${VIDEO}?enablejsapi=1`;
    expect(wc.navigate('will-frame-navigate', embed, 'sub')).toBe(false);
    expect(wc.navigate('will-frame-navigate', embed, 'main')).toBe(true);
    expect(wc.navigate('will-frame-navigate', 'https://www.youtube.com/embed/' + VIDEO, 'sub')).toBe(true);
    expect(wc.navigate('will-frame-navigate', 'https://evil.example/', 'sub')).toBe(true);
  });

  it('sends a Referer to the embed host only (YouTube Error 153), and to no other host', async () => {
    const { fake } = await launchApp(dataDir());
    const sent = { Accept: '*/*', Origin: 'app://lecture-companion' };
    expect(fake.headersFor(`https://www.youtube-nocookie.com/embed/${VIDEO}?enablejsapi=1`, sent)).toEqual({
      Accept: '*/*',
      Origin: 'https://lecture-companion.github.io',
      Referer: 'https://lecture-companion.github.io/',
    });
    for (const url of [
      'https://www.youtube.com/embed/x',
      'https://i.ytimg.com/vi/x/mqdefault.jpg',
      'https://evil.example/www.youtube-nocookie.com/',
      'app://lecture-companion/index.html',
    ]) {
      expect(fake.headersFor(url, sent), url).toEqual(sent);
    }
  });

  it('reports an unusable command line in a dialog and exits 2 without a window', async () => {
    const fake = await launch(['--data-dir']);
    await exited(fake, 2);
    expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Lecture Companion',
      'Lecture Companion could not start: --data-dir needs a value',
    );
    expect(fake.windows).toHaveLength(0);
    // On a Chinese OS, with no language saved yet, the dialog speaks Chinese.
    const zh = await launch(['--data-dir'], { systemLanguages: ['zh-Hant-TW', 'en-US'] });
    await exited(zh, 2);
    expect(zh.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Lecture Companion',
      'Lecture Companion 無法啟動：--data-dir needs a value',
    );
  });
});

describe('window bounds', () => {
  async function saveWindow(dir: string, w: { x: number; y: number; width: number; height: number; maximized: boolean }) {
    const store = await openStore({ dataDir: dir });
    await store.setWindow(w);
    await store.close();
  }

  it('reopens at the saved bounds when a display still shows them', async () => {
    const dir = dataDir();
    await saveWindow(dir, { x: 2000, y: 60, width: 1000, height: 700, maximized: false });
    const { win } = await launchApp(dir, {
      displays: [
        { x: 0, y: 0, width: 1920, height: 1080 },
        { x: 1920, y: 0, width: 1280, height: 1024 },
      ],
    });
    expect(win.options).toMatchObject({ x: 2000, y: 60, width: 1000, height: 700 });
    expect(win.getBounds()).toEqual({ x: 2000, y: 60, width: 1000, height: 700 });
    expect(win.maximize).not.toHaveBeenCalled();
  });

  it('opens centred, at a size that fits, when the saved display is gone', async () => {
    const dir = dataDir();
    await saveWindow(dir, { x: 2000, y: 60, width: 1400, height: 1000, maximized: false });
    const { win } = await launchApp(dir, { displays: [{ x: 0, y: 0, width: 1280, height: 720 }] });
    expect(win.options).not.toHaveProperty('x');
    expect(win.options).not.toHaveProperty('y');
    expect(win.options).toMatchObject({ width: 1280, height: 720 });
  });

  it('opens at the default size with nothing saved, and maximized when it was', async () => {
    const first = await launchApp(dataDir());
    expect(first.win.options).toMatchObject({ width: 1200, height: 800 });
    expect(first.win.options).not.toHaveProperty('x');
    first.fake.app.quit();
    answerFlush(first.fake, true);
    await exited(first.fake);

    const dir = dataDir();
    await saveWindow(dir, { x: 10, y: 10, width: 900, height: 600, maximized: true });
    const { win } = await launchApp(dir);
    expect(win.options).toMatchObject({ x: 10, y: 10, width: 900, height: 600 });
    expect(win.maximize).toHaveBeenCalledTimes(1);
  });

  it('remembers where the student moved the window, not a minimized one, and reopens there', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);
    // The debounce runs on fake timers and each check first waits for a later write to reach
    // the disk, so "not yet" and "not at all" below are facts, not races with a slow machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    /** Resolves once a write requested now is on disk (the store writes in order). */
    const written = () => fake.ipcMain.invoke('lc:setWatched', APP_PAGE, { videoId: VIDEO, watched: true });
    win.setBounds({ x: 40, y: 30, width: 1000, height: 650 });
    // debounced: written half a second after the last move
    vi.advanceTimersByTime(499);
    await written();
    expect(dataOf(dir).window).toBeNull();
    vi.advanceTimersByTime(1);
    await written();
    expect(dataOf(dir).window).toEqual({ x: 40, y: 30, width: 1000, height: 650, maximized: false });

    win.minimize();
    win.setBounds({ x: -32000, y: -32000 }); // what Windows reports for a minimized window
    vi.advanceTimersByTime(60_000);
    await written();
    expect(dataOf(dir).window).toEqual({ x: 40, y: 30, width: 1000, height: 650, maximized: false });
    win.restore();
    win.setBounds({ x: 50, y: 35 });

    // closing saves at once (no waiting for the debounce)
    fake.app.quit();
    answerFlush(fake, true);
    await exited(fake);
    expect(dataOf(dir).window).toEqual({ x: 50, y: 35, width: 1000, height: 650, maximized: false });

    const again = await launchApp(dir);
    expect(again.win.options).toMatchObject({ x: 50, y: 35, width: 1000, height: 650 });
  });
});

describe('close handshake', () => {
  it('asks the page to flush, and closes only when the app page says so', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);

    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.sent).toEqual([['lc:flush']]);
    expect(fake.log.slice(-3)).toEqual(['win:close', 'send:lc:flush', 'win:close-prevented']);

    // another page cannot close the window
    answerFlush(fake, true, FOREIGN);
    expect(win.isDestroyed()).toBe(false);

    answerFlush(fake, true);
    expect(win.isDestroyed()).toBe(true);
    expect(win.webContents.sent).toEqual([['lc:flush']]);
    // the last window closing quits the app, which closes the store
    await exitedUnlocked(fake, dir);
  });

  it('stays open when the page answers false, and asks again on the next close', async () => {
    const { fake, win } = await launchApp(dataDir());
    win.close();
    answerFlush(fake, false);
    expect(win.isDestroyed()).toBe(false);
    expect(fake.app.exitCode).toBeUndefined();

    win.close();
    expect(win.webContents.sent).toEqual([['lc:flush'], ['lc:flush']]);
    expect(win.isDestroyed()).toBe(false);
    answerFlush(fake, true);
    expect(win.isDestroyed()).toBe(true);
    await exited(fake);
  });

  it('destroys a window whose page does not acknowledge within 5 s, and waits for one that did', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    // acknowledged: the page is alive and may be asking the student; no deadline
    win.close();
    fake.ipcMain.sendFrom('lc:flush-ack', APP_PAGE);
    vi.advanceTimersByTime(60_000);
    expect(win.isDestroyed()).toBe(false);
    fake.ipcMain.sendFrom('lc:flush-result', APP_PAGE, false);

    // a foreign ack does not stop the clock
    win.close();
    fake.ipcMain.sendFrom('lc:flush-ack', FOREIGN);
    vi.advanceTimersByTime(4_999);
    expect(win.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.destroy).toHaveBeenCalledTimes(1);
    expect(win.isDestroyed()).toBe(true);
    expect(win.close).toHaveBeenCalledTimes(2);

    vi.useRealTimers();
    await exitedUnlocked(fake, dir);
  });
});

describe('close handshake while the page is asking the student', () => {
  it('a second close (or a quit) neither asks again nor arms the deadline', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    win.close();
    fake.ipcMain.sendFrom('lc:flush-ack', APP_PAGE); // the page is now showing "close anyway?"
    win.close();
    fake.app.quit();
    vi.advanceTimersByTime(60_000);
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.send.mock.calls.filter(([ch]) => ch === 'lc:flush')).toHaveLength(1);
    // the student answers: close anyway
    fake.ipcMain.sendFrom('lc:flush-result', APP_PAGE, true);
    vi.useRealTimers();
    expect(win.isDestroyed()).toBe(true);
    expect(win.destroy).not.toHaveBeenCalled();
    await exitedUnlocked(fake, dir);
  });
});

describe('quit', () => {
  it('lets the window flush before the store closes, and holds will-quit until it has', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);
    const willQuit: { prevented: boolean; locked: boolean }[] = [];
    fake.app.on('will-quit', (e: { defaultPrevented: boolean }) =>
      willQuit.push({ prevented: e.defaultPrevented, locked: existsSync(lockOf(dir)) }),
    );

    fake.app.quit();
    // Electron closes the windows first; the window's close waits for the page, so the quit pauses
    expect(fake.log.slice(fake.log.indexOf('app:before-quit'))).toEqual([
      'app:before-quit',
      'win:close',
      'send:lc:flush',
      'win:close-prevented',
    ]);
    expect(win.webContents.sent).toEqual([['lc:flush']]);
    expect(willQuit).toEqual([]);
    expect(existsSync(lockOf(dir))).toBe(true);

    // the page saves the note being typed, then says the window may close
    fake.ipcMain.sendFrom('lc:flush-ack', APP_PAGE);
    await expect(
      fake.ipcMain.invoke('lc:saveNote', APP_PAGE, { videoId: VIDEO, text: 'typed just before quitting' }),
    ).resolves.toMatchObject({
      updatedAt: expect.any(Number),
    });
    fake.ipcMain.sendFrom('lc:flush-result', APP_PAGE, true);
    await exited(fake);

    // will-quit came only after the window closed; held once (store still locked), then let through
    const log = fake.log;
    expect(log.indexOf('win:closed')).toBeGreaterThan(log.indexOf('ipc:lc:flush-result(true)'));
    expect(log.indexOf('app:will-quit')).toBeGreaterThan(log.indexOf('win:closed'));
    expect(willQuit).toEqual([
      { prevented: true, locked: true },
      { prevented: false, locked: false },
    ]);
    expect(log.at(-1)).toBe('app:quit');
    expect(log.filter((l) => l === 'app:quit')).toHaveLength(1);
    expect(existsSync(lockOf(dir))).toBe(false);
    const data = dataOf(dir);
    expect(data.notes[VIDEO].text).toBe('typed just before quitting');
    expect(data.window).toMatchObject({ width: 1200, height: 800, maximized: false });
  });

  it('is cancelled when the page keeps the window open, and can be asked again', async () => {
    const dir = dataDir();
    const { fake, win } = await launchApp(dir);
    fake.app.quit();
    answerFlush(fake, false);
    expect(win.isDestroyed()).toBe(false);
    expect(fake.app.quitting).toBe(false);
    expect(fake.log).not.toContain('app:will-quit');
    expect(existsSync(lockOf(dir))).toBe(true);
    await expect(fake.ipcMain.invoke('lc:setWatched', APP_PAGE, { videoId: VIDEO, watched: true })).resolves.toMatchObject({
      watched: true,
    });

    fake.app.quit();
    expect(win.webContents.sent).toEqual([['lc:flush'], ['lc:flush']]);
    answerFlush(fake, true);
    await exited(fake);
    expect(dataOf(dir).watched).toHaveProperty(VIDEO);
    expect(existsSync(lockOf(dir))).toBe(false);
  });
});

describe('single instance', () => {
  it('a second launch restores and focuses the window', async () => {
    const { fake, win } = await launchApp(dataDir());
    await until(() => expect(win.show).toHaveBeenCalled());
    win.focus.mockClear();

    win.minimize();
    fake.app.emit('second-instance', { preventDefault() {} }, ['electron', '.'], '/', {});
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.restore.mock.invocationCallOrder[0]!).toBeLessThan(win.focus.mock.invocationCallOrder[0]!);
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);

    fake.app.emit('second-instance', { preventDefault() {} }, ['electron', '.'], '/', {});
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(2);
  });

  it('a second launch during start-up focuses the window once it shows', async () => {
    const fake = await launch(['--data-dir', dataDir()], {}, { ready: false });
    fake.app.emit('second-instance', { preventDefault() {} }, ['electron', '.'], '/', {});
    fake.makeReady();
    const win = await windowOf(fake);
    await until(() => expect(win.focus).toHaveBeenCalledTimes(1));
    expect(win.show.mock.invocationCallOrder[0]!).toBeLessThan(win.focus.mock.invocationCallOrder[0]!);
  });

  it('without the lock, quits at once: no window, no store, no handlers', async () => {
    const dir = join(dataDir(), 'not-created');
    const fake = await launch(['--data-dir', dir], { singleInstanceLock: false });
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    await exited(fake);
    // start() registers this synchronously before anything slow: never having started is
    // visible at once. The short wait only gives a wrongly started app a chance to show more.
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.windows).toHaveLength(0);
    expect(fake.privilegedSchemes).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.app.listenerCount('will-quit')).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('catalog subcommand', () => {
  function captureStdio() {
    const out: string[] = [];
    const err: string[] = [];
    // Like a stream: records what is written and calls back once it is "flushed" (main waits
    // for that before exiting, so a long document is not cut off in a pipe).
    const capture =
      (into: string[]) =>
      (chunk: string | Uint8Array, ...rest: unknown[]) => {
        if (String(chunk) !== '') into.push(String(chunk));
        const done = rest.find((r): r is () => void => typeof r === 'function');
        if (done) setTimeout(done, 0);
        return true;
      };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as typeof process.stderr.write);
    return { out, err };
  }

  it('prints the playlist as JSON and exits 0 without a window or the instance lock', async () => {
    const io = captureStdio();
    const fake = await launch(['catalog', SEED, '--json']);
    await exited(fake, 0);
    vi.restoreAllMocks();
    const doc = JSON.parse(io.out.join(''));
    expect(doc.courses).toHaveLength(5);
    expect(doc.courses.flatMap((c: { lectures: unknown[] }) => c.lectures).length).toBe(50);
    expect(io.err).toEqual([]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.privilegedSchemes).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('exits 1 with a message for a missing file, printing nothing', async () => {
    const io = captureStdio();
    const fake = await launch(['catalog', join(ROOT, 'no-such.md'), '--json']);
    await exited(fake, 1);
    vi.restoreAllMocks();
    expect(io.out).toEqual([]);
    expect(io.err.join('')).toMatch(/cannot read .*no-such\.md: no such file/);
  });
});
