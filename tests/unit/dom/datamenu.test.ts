import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import DataMenu from '../../../renderer/src/lib/components/DataMenu.svelte';
import RecoveryNotice from '../../../renderer/src/lib/components/RecoveryNotice.svelte';
import type { BackupInfo, Library, StoreStatus } from '../../../electron/shared/contract';
import { emptyLibrary, recordingApi } from './recording-api';
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

describe('DataMenu', () => {
  it('exports one lecture, all notes in one file, and one file per lecture', async () => {
    const api = recordingApi({
      exportNotes: async (a) => ({
        saved: a.layout === 'perLecture' ? ['/out/a.md', '/out/b.md'] : ['/out/notes.md'],
        downloads: [],
      }),
    });
    render(DataMenu, { api, currentVideoId: 'CB0a3aBwND8', storeStatus: ok, onLibraryChanged: vi.fn() });
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
    const api = recordingApi({ exportBackup: async () => ({ saved: [], downloads: [] }) });
    render(DataMenu, { api, currentVideoId: null, storeStatus: ok, onLibraryChanged: vi.fn() });
    await openMenu();
    expect(screen.getByRole('button', { name: "Export this lecture's notes" })).toBeDisabled();
    await fireEvent.click(screen.getByRole('button', { name: 'Back up all data…' }));
    await waitFor(() => expect(result()).toHaveTextContent('Cancelled'));
  });

  it('merges a backup file, reports the counts and hands over the new library', async () => {
    const lib: Library = emptyLibrary();
    const api = recordingApi({
      importBackup: async () => ({ added: 2, updated: 1, deleted: 3, conflicts: 1, watched: 5 }),
      getLibrary: async () => lib,
    });
    const changed = vi.fn();
    render(DataMenu, { api, currentVideoId: null, storeStatus: ok, onLibraryChanged: changed });
    await openMenu();
    const file = new File(['{"app":"lecture-companion"}'], 'backup.json', { type: 'application/json' });
    await fireEvent.change(screen.getByTestId('backup-file-input'), { target: { files: [file] } });
    await waitFor(() => expect(result()).toHaveTextContent('2 added, 1 updated, 3 deleted, 1 conflicts'));
    expect(api.callsTo('importBackup')).toEqual([{ content: '{"app":"lecture-companion"}' }]);
    expect(changed).toHaveBeenCalledWith(lib);
  });

  it('lists automatic backups newest first and restores one after confirmation', async () => {
    const restored = emptyLibrary();
    const api = recordingApi({ listBackups: async () => backups, restoreBackup: async () => restored });
    const changed = vi.fn();
    render(DataMenu, { api, currentVideoId: null, storeStatus: ok, onLibraryChanged: changed });
    await openMenu();
    await fireEvent.click(screen.getByRole('button', { name: 'Restore from automatic backup…' }));
    const items = await screen.findAllByTestId('backup-item');
    expect(items[0]).toHaveTextContent('before restore');
    expect(items[0]).toHaveTextContent('3 notes');
    await fireEvent.click(nth(items, 0).querySelector('button')!);
    expect(api.callsTo('restoreBackup')).toHaveLength(0); // asks first
    await fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(changed).toHaveBeenCalledWith(restored));
    expect(api.callsTo('restoreBackup')).toEqual([{ name: 'new.json' }]);
    expect(result()).toHaveTextContent('Restored the backup from');
  });

  it('shows an error the service reports', async () => {
    const api = recordingApi({
      exportNotes: async () => {
        throw new Error('no notes to export');
      },
    });
    render(DataMenu, { api, currentVideoId: null, storeStatus: ok, onLibraryChanged: vi.fn() });
    await openMenu();
    await fireEvent.click(screen.getByRole('button', { name: 'Export all notes (one file)' }));
    await waitFor(() => expect(result()).toHaveTextContent('Export failed: no notes to export'));
    expect(result()).toHaveClass('error');
  });

  it('shows the recovery message inside the menu when the store was recovered', async () => {
    render(DataMenu, { api: recordingApi(), currentVideoId: null, storeStatus: recovered, onLibraryChanged: vi.fn() });
    const menu = await openMenu();
    expect(menu).toHaveTextContent('could not be read');
    expect(screen.getByRole('button', { name: 'Restore newest backup' })).toBeInTheDocument();
  });
});

describe('RecoveryNotice', () => {
  it('says what happened and restores the newest backup', async () => {
    const restored = emptyLibrary();
    const api = recordingApi({ listBackups: async () => backups, restoreBackup: async () => restored });
    const changed = vi.fn();
    render(RecoveryNotice, { api, storeStatus: recovered, onLibraryChanged: changed });
    expect(screen.getByRole('alert')).toHaveTextContent('Your data file could not be read');
    expect(screen.getByRole('alert')).toHaveTextContent(recovered.quarantinePath!);
    await fireEvent.click(screen.getByRole('button', { name: 'Restore newest backup' }));
    await waitFor(() => expect(changed).toHaveBeenCalledWith(restored));
    expect(api.callsTo('restoreBackup')).toEqual([{ name: 'new.json' }]);
  });

  it('says so when there is no backup to restore', async () => {
    const changed = vi.fn();
    render(RecoveryNotice, { api: recordingApi(), storeStatus: recovered, onLibraryChanged: changed });
    await fireEvent.click(screen.getByRole('button', { name: 'Restore newest backup' }));
    await waitFor(() => expect(screen.getByText('There is no automatic backup to restore.')).toBeInTheDocument());
    expect(changed).not.toHaveBeenCalled();
  });

  it('renders nothing when the store is fine', () => {
    const { container } = render(RecoveryNotice, { api: recordingApi(), storeStatus: ok, onLibraryChanged: vi.fn() });
    expect(container.textContent?.trim()).toBe('');
  });
});
