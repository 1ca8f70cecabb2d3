import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import DataMenu from '../../../renderer/src/lib/components/DataMenu.svelte';
import RecoveryNotice from '../../../renderer/src/lib/components/RecoveryNotice.svelte';
import type { Api, BackupInfo, ExportResult, Library, StoreStatus } from '../../../electron/shared/contract';
import { deferred, emptyApi, emptyLibrary } from './fake-api';
import { renderIn, testApp } from './render';
import { nth } from '../helpers/nth';

afterEach(cleanup);

const ok: StoreStatus = { state: 'ok', message: null, quarantinePath: null };
const recovered: StoreStatus = {
  state: 'recovered',
  message: 'Your data file could not be read; it was set aside.',
  quarantinePath: '/data/lecture-companion.corrupt-1.json',
};
const backups: BackupInfo[] = [
  { name: 'old.json', createdAt: Date.UTC(2025, 0, 1, 8), reason: 'daily', notes: 1, watched: 2 },
  { name: 'new.json', createdAt: Date.UTC(2025, 0, 2, 8), reason: 'before restore', notes: 3, watched: 4 },
];

async function openMenu() {
  await fireEvent.click(screen.getByTestId('data-menu-toggle'));
  return screen.getByTestId('data-menu');
}

function result() {
  return screen.getByTestId('data-menu-result');
}

/**
 * The window's state around `api`, with the library's store in `store` and `openId` open;
 * `changed` sees every Library the data actions hand to the page.
 */
function appWith(api: Api, store: StoreStatus = ok, openId: string | null = null) {
  const app = testApp(api);
  app.library.library = { ...emptyLibrary(), store };
  app.library.openId = openId;
  const changed = vi.spyOn(app.library, 'applyLibrary');
  return { app, changed };
}

function renderMenu(api: Api, store: StoreStatus = ok, openId: string | null = null) {
  const { app, changed } = appWith(api, store, openId);
  renderIn(app, DataMenu, {});
  return { app, changed };
}

function renderNotice(api: Api, store: StoreStatus = recovered) {
  const { app, changed } = appWith(api, store);
  return { app, changed, ...renderIn(app, RecoveryNotice, {}) };
}

describe('DataMenu', () => {
  it('exports one lecture, all notes in one file, and one file per lecture', async () => {
    const api = emptyApi({
      exportNotes: async (a) => ({
        saved: a.layout === 'perLecture' ? ['/out/a.md', '/out/b.md'] : ['/out/notes.md'],
        downloads: [],
      }),
    });
    renderMenu(api, ok, 'CB0a3aBwND8');
    await openMenu();
    await fireEvent.click(screen.getByRole('button', { name: "Export this lecture's notes" }));
    await waitFor(() => expect(result()).toHaveTextContent('Saved to /out/notes.md'));
    await fireEvent.click(screen.getByRole('button', { name: 'Export all notes (one file)' }));
    await waitFor(() => expect(api.callsTo('exportNotes')).toHaveLength(2));
    // One data action at a time: the buttons come back once the export has answered.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export all notes (one file per lecture)' })).toBeEnabled());
    await fireEvent.click(screen.getByRole('button', { name: 'Export all notes (one file per lecture)' }));
    await waitFor(() => expect(result()).toHaveTextContent('Saved 2 files'));
    expect(result()).toHaveTextContent('/out/b.md');
    expect(api.callsTo('exportNotes')).toEqual([
      { scope: 'one', videoId: 'CB0a3aBwND8', layout: 'single' },
      { scope: 'all', layout: 'single' },
      { scope: 'all', layout: 'perLecture' },
    ]);
  });

  it('cannot export "this lecture" with no lecture open, and reports a cancelled dialog', async () => {
    const api = emptyApi({ exportBackup: async () => ({ saved: [], downloads: [] }) });
    renderMenu(api);
    await openMenu();
    expect(screen.getByRole('button', { name: "Export this lecture's notes" })).toBeDisabled();
    await fireEvent.click(screen.getByRole('button', { name: 'Back up all data…' }));
    await waitFor(() => expect(result()).toHaveTextContent('Cancelled'));
  });

  it('merges a backup file, reports the counts and hands over the new library', async () => {
    const lib: Library = emptyLibrary();
    const api = emptyApi({
      importBackup: async () => ({ added: 2, updated: 1, deleted: 3, conflicts: 1, watched: 5, library: lib }),
    });
    const { changed } = renderMenu(api);
    await openMenu();
    const file = new File(['{"app":"lecture-companion"}'], 'backup.json', { type: 'application/json' });
    await fireEvent.change(screen.getByTestId('backup-file-input'), { target: { files: [file] } });
    await waitFor(() => expect(result()).toHaveTextContent('2 added, 1 updated, 3 deleted, 1 conflicts'));
    expect(api.callsTo('importBackup')).toEqual([{ content: '{"app":"lecture-companion"}' }]);
    expect(changed).toHaveBeenCalledWith(lib);
    expect(api.callsTo('getLibrary')).toHaveLength(0); // the merge answered with the library
  });

  it('lists automatic backups newest first and restores one after confirmation', async () => {
    const restored = emptyLibrary();
    const api = emptyApi({ listBackups: async () => backups, restoreBackup: async () => restored });
    const { changed } = renderMenu(api);
    await openMenu();
    await fireEvent.click(screen.getByRole('button', { name: 'Restore from automatic backup…' }));
    const items = await screen.findAllByTestId('backup-item');
    expect(items[0]).toHaveTextContent('before restore');
    expect(items[0]).toHaveTextContent('3 notes');
    await fireEvent.click(nth(items, 0).querySelector('button')!);
    expect(api.callsTo('restoreBackup')).toHaveLength(0); // asks first
    // Focus follows the question (to its safe answer) and comes back to "Restore…" after it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    await fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(changed).toHaveBeenCalledWith(restored));
    expect(api.callsTo('restoreBackup')).toEqual([{ name: 'new.json' }]);
    expect(result()).toHaveTextContent('Restored the backup from');
    await waitFor(() => expect(document.activeElement).toBe(nth(screen.getAllByRole('button', { name: 'Restore…' }), 0)));
  });

  it('shows an error the service reports', async () => {
    const api = emptyApi({
      exportNotes: async () => {
        throw new Error('no notes to export');
      },
    });
    renderMenu(api);
    await openMenu();
    await fireEvent.click(screen.getByRole('button', { name: 'Export all notes (one file)' }));
    await waitFor(() => expect(result()).toHaveTextContent('Export failed: no notes to export'));
    expect(result()).toHaveClass('error');
  });

  it('shows the recovery message inside the menu when the store was recovered', async () => {
    renderMenu(emptyApi({ listBackups: async () => backups }), recovered);
    const menu = await openMenu();
    expect(menu).toHaveTextContent('could not be read');
    expect(await screen.findByRole('button', { name: 'Restore newest backup' })).toBeInTheDocument();
    // Inside the menu it stays: that is where the student went to act.
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });
});

describe('RecoveryNotice', () => {
  it('says what happened and restores the newest backup', async () => {
    const restored = emptyLibrary();
    const api = emptyApi({ listBackups: async () => backups, restoreBackup: async () => restored });
    const { changed } = renderNotice(api);
    expect(screen.getByRole('alert')).toHaveTextContent('Your data file could not be read');
    expect(screen.getByRole('alert')).toHaveTextContent(recovered.quarantinePath!);
    // Plain words, not the service's (or a parser's) own text, and the real menu's name.
    expect(screen.getByRole('alert')).not.toHaveTextContent(recovered.message!);
    expect(await screen.findByRole('alert')).toHaveTextContent('open the Data menu');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Backups');
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore newest backup' }));
    await waitFor(() => expect(changed).toHaveBeenCalledWith(restored));
    expect(api.callsTo('restoreBackup')).toEqual([{ name: 'new.json' }]);
  });

  it('offers no restore when there is no backup, and says what to do instead', async () => {
    const api = emptyApi({ listBackups: async () => [] });
    const { changed } = renderNotice(api);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('There is no automatic backup to restore.'));
    expect(screen.queryByRole('button', { name: 'Restore newest backup' })).toBeNull();
    expect(changed).not.toHaveBeenCalled();
  });

  it('can be dismissed, and stays dismissed for the same set-aside file only', async () => {
    const api = emptyApi({ listBackups: async () => backups });
    api.setPrefs.mockImplementation(async (p) => ({ prefs: { ...emptyLibrary().prefs, ...p } }));
    const { app } = renderNotice(api);
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(api.callsTo('setPrefs')).toEqual([{ dismissedRecovery: 'lecture-companion.corrupt-1.json' }]);
    await waitFor(() => expect(screen.queryByTestId('recovery-notice')).toBeNull());
    // A new corrupt file is a new event: the notice comes back.
    app.library.library = { ...app.library.library!, store: { ...recovered, quarantinePath: '/data/lecture-companion.corrupt-2.json' } };
    await waitFor(() => expect(screen.getByTestId('recovery-notice')).toBeInTheDocument());
  });

  it('renders nothing when the store is fine', () => {
    const { container } = renderNotice(emptyApi(), ok);
    expect(container.textContent?.trim()).toBe('');
  });
});

describe('one data action at a time, window-wide', () => {
  it('refuses a restore from the recovery notice while an export from the data menu runs, and back', async () => {
    const exported = deferred<ExportResult>();
    const api = emptyApi({ exportNotes: () => exported.promise, listBackups: async () => backups });
    // The menu and the notice under one app, as App.svelte renders them.
    const { app } = appWith(api, recovered);
    renderIn(app, DataMenu, {});
    renderIn(app, RecoveryNotice, {});
    await openMenu();
    await fireEvent.click(screen.getByRole('button', { name: 'Export all notes (one file)' }));
    await waitFor(() => expect(api.callsTo('exportNotes')).toHaveLength(1));

    // Every "Restore newest backup" (the one in the menu and the one below the bar) waits.
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Restore newest backup' })).toHaveLength(2));
    const restoreButtons = screen.getAllByRole('button', { name: 'Restore newest backup' });
    expect(restoreButtons).toHaveLength(2);
    for (const b of restoreButtons) expect(b).toBeDisabled();
    // Asked anyway (a script, a stale click), the one DataActions refuses it.
    // (Each notice asked once whether a backup exists; the refused restore asks nothing.)
    const asked = api.callsTo('listBackups').length;
    await app.data.restoreNewest();
    expect(api.callsTo('listBackups')).toHaveLength(asked);
    expect(api.callsTo('restoreBackup')).toHaveLength(0);

    exported.resolve({ saved: ['/out/notes.md'], downloads: [] });
    await waitFor(() => expect(result()).toHaveTextContent('Saved to /out/notes.md'));
    for (const b of screen.getAllByRole('button', { name: 'Restore newest backup' })) expect(b).toBeEnabled();

    // And the other way round: a restore started from the notice holds the menu's actions.
    const restored = deferred<Library>();
    api.restoreBackup.mockImplementation(() => restored.promise);
    await fireEvent.click(nth(screen.getAllByRole('button', { name: 'Restore newest backup' }), 1));
    await waitFor(() => expect(api.callsTo('restoreBackup')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Export all notes (one file)' })).toBeDisabled();
    await app.data.exportAll('single');
    expect(api.callsTo('exportNotes')).toHaveLength(1);
    restored.resolve(emptyLibrary());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export all notes (one file)' })).toBeEnabled());
  });
});
