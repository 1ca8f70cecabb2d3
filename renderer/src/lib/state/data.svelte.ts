// Export, backup, merge and restore, with a one-line account of what happened for each.
// Every action first flushes open note editors so nothing typed a moment ago is left out
// of an export or silently overwritten by a restore.
import { MAX_BACKUP_CHARS } from '../../../../electron/shared/wire';
import type { Api, BackupInfo, ExportResult, Library } from '../../../../electron/shared/contract';
import { flushAllNotes, notesReplaced, formatDateTime } from './notes.svelte';

export type Tone = 'info' | 'error';

export class DataActions {
  /** Label of the action running now, or null. */
  busy = $state<string | null>(null);
  message = $state<string | null>(null);
  tone = $state<Tone>('info');
  /** Files an export wrote, listed under the message. */
  paths = $state<string[]>([]);
  /** Automatic backups, once listed. */
  backups = $state<BackupInfo[] | null>(null);

  constructor(
    private readonly api: Api,
    private readonly libraryChanged: (lib: Library) => void,
  ) {}

  #report(message: string, tone: Tone = 'info', paths: string[] = []): void {
    this.message = message;
    this.tone = tone;
    this.paths = paths;
  }

  async #run(label: string, fn: () => Promise<void>): Promise<void> {
    if (this.busy) return; // one data action at a time
    this.busy = label;
    this.#report(`${label}…`);
    try {
      await flushAllNotes();
      await fn();
    } catch (e) {
      this.#report(`${label} failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      this.busy = null;
    }
  }

  #saved({ saved, downloads }: ExportResult): void {
    const names = downloads.map((d) => d.name);
    if (names.length === 1) this.#report(`Downloaded ${names[0]} (see your browser's downloads)`, 'info', names);
    else if (names.length > 1) this.#report(`Downloaded ${names.length} files (see your browser's downloads)`, 'info', names);
    else if (saved.length === 0) this.#report('Cancelled');
    else if (saved.length === 1) this.#report(`Saved to ${saved[0]}`, 'info', saved);
    else this.#report(`Saved ${saved.length} files`, 'info', saved);
  }

  exportOne(videoId: string): Promise<void> {
    return this.#run('Export', async () => {
      this.#saved(await this.api.exportNotes({ scope: 'one', videoId, layout: 'single' }));
    });
  }

  exportAll(layout: 'single' | 'perLecture'): Promise<void> {
    return this.#run('Export', async () => {
      this.#saved(await this.api.exportNotes({ scope: 'all', layout }));
    });
  }

  backup(): Promise<void> {
    return this.#run('Backup', async () => {
      this.#saved(await this.api.exportBackup({}));
    });
  }

  importFile(file: File): Promise<void> {
    return this.#run('Merge', async () => {
      const content = await file.text();
      if (content.length > MAX_BACKUP_CHARS) throw new Error(`${file.name} is too large to be a backup`);
      const r = await this.api.importBackup({ content });
      notesReplaced();
      this.libraryChanged(await this.api.getLibrary({}));
      const parts = [`${r.added} added`, `${r.updated} updated`, `${r.deleted} deleted`, `${r.conflicts} conflicts`, `${r.watched} watched marks`];
      if (r.skipped) parts.push(`${r.skipped.count} skipped (${r.skipped.reasons.join('; ')})`);
      this.#report(`Merged ${file.name}: ${parts.join(', ')}`);
    });
  }

  async loadBackups(): Promise<void> {
    try {
      const list = await this.api.listBackups({});
      this.backups = [...list].sort((a, b) => b.createdAt - a.createdAt);
    } catch (e) {
      this.backups = [];
      this.#report(`Could not list backups: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  }

  restore(backup: Pick<BackupInfo, 'name' | 'createdAt'>): Promise<void> {
    return this.#run('Restore', async () => {
      const lib = await this.api.restoreBackup({ name: backup.name });
      notesReplaced();
      this.libraryChanged(lib);
      this.#report(`Restored the backup from ${formatDateTime(backup.createdAt)}`);
    });
  }

  /** The recovery path: restore whichever automatic backup is newest. */
  restoreNewest(): Promise<void> {
    return this.#run('Restore', async () => {
      const list = await this.api.listBackups({});
      const newest = [...list].sort((a, b) => b.createdAt - a.createdAt)[0];
      if (!newest) {
        this.#report('There is no automatic backup to restore.', 'error');
        return;
      }
      const lib = await this.api.restoreBackup({ name: newest.name });
      notesReplaced();
      this.libraryChanged(lib);
      this.#report(`Restored the backup from ${formatDateTime(newest.createdAt)}`);
    });
  }
}
