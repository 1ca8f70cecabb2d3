// Export, backup, merge and restore, with a one-line account of what happened for each.
// Every action first flushes open note editors so nothing typed a moment ago is left out
// of an export or silently overwritten by a restore.
import { MAX_BACKUP_CHARS } from '../../../../electron/shared/wire';
import type { Api, BackupInfo, ExportResult, Library } from '../../../../electron/shared/contract';
import { flushAllNotes, notesReplaced } from './notes.svelte';
import { formatDateTime, t } from '../i18n/locale.svelte';

export type Tone = 'info' | 'error';
/** Where an action was started, so its account shows there and not in the other place. */
export type Origin = 'menu' | 'recovery';

export class DataActions {
  /** Label of the action running now, or null. */
  busy = $state<string | null>(null);
  message = $state<string | null>(null);
  tone = $state<Tone>('info');
  /** Files an export wrote, listed under the message. */
  paths = $state<string[]>([]);
  /** Which surface the current message belongs to. */
  origin = $state<Origin>('menu');
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

  async #run(label: string, fn: () => Promise<void>, origin: Origin = 'menu'): Promise<void> {
    if (this.busy) return; // one data action at a time, window-wide: there is one DataActions
    this.busy = label;
    this.origin = origin;
    this.#report(t('data.running', { action: label }));
    try {
      await flushAllNotes();
      await fn();
    } catch (e) {
      this.#report(t('data.failed', { action: label, error: e instanceof Error ? e.message : String(e) }), 'error');
    } finally {
      this.busy = null;
    }
  }

  #saved({ saved, downloads }: ExportResult): void {
    const names = downloads.map((d) => d.name);
    if (names.length === 1) this.#report(t('data.downloadedOne', { name: names[0] }), 'info', names);
    else if (names.length > 1) this.#report(t('data.downloadedMany', { count: names.length }), 'info', names);
    else if (saved.length === 0) this.#report(t('data.cancelled'));
    else if (saved.length === 1) this.#report(t('data.savedTo', { path: saved[0] }), 'info', saved);
    else this.#report(t('data.savedMany', { count: saved.length }), 'info', saved);
  }

  exportOne(videoId: string): Promise<void> {
    return this.#run(t('data.action.export'), async () => {
      this.#saved(await this.api.exportNotes({ scope: 'one', videoId, layout: 'single' }));
    });
  }

  exportAll(layout: 'single' | 'perLecture'): Promise<void> {
    return this.#run(t('data.action.export'), async () => {
      this.#saved(await this.api.exportNotes({ scope: 'all', layout }));
    });
  }

  backup(): Promise<void> {
    return this.#run(t('data.action.backup'), async () => {
      this.#saved(await this.api.exportBackup({}));
    });
  }

  importFile(file: File): Promise<void> {
    return this.#run(t('data.action.merge'), async () => {
      const content = await file.text();
      if (content.length > MAX_BACKUP_CHARS) throw new Error(t('data.tooLarge', { name: file.name }));
      const r = await this.api.importBackup({ content });
      notesReplaced();
      this.libraryChanged(r.library);
      const counts = {
        name: file.name,
        added: r.added,
        updated: r.updated,
        deleted: r.deleted,
        conflicts: r.conflicts,
        watched: r.watched,
      };
      this.#report(
        r.skipped
          ? t('data.mergedSkipped', { ...counts, skipped: r.skipped.count, reasons: r.skipped.reasons.join('; ') })
          : t('data.merged', counts),
      );
    });
  }

  async loadBackups(): Promise<void> {
    try {
      const list = await this.api.listBackups({});
      this.backups = [...list].sort((a, b) => b.createdAt - a.createdAt);
    } catch (e) {
      this.backups = [];
      this.origin = 'menu';
      this.#report(t('data.listFailed', { error: e instanceof Error ? e.message : String(e) }), 'error');
    }
  }

  restore(backup: Pick<BackupInfo, 'name' | 'createdAt'>): Promise<void> {
    return this.#run(t('data.action.restore'), async () => {
      const lib = await this.api.restoreBackup({ name: backup.name });
      notesReplaced();
      this.libraryChanged(lib);
      this.#report(t('data.restored', { date: formatDateTime(backup.createdAt) }));
    });
  }

  /** The recovery path: restore whichever automatic backup is newest. */
  restoreNewest(): Promise<void> {
    return this.#run(
      t('data.action.restore'),
      async () => {
        const list = await this.api.listBackups({});
        const newest = [...list].sort((a, b) => b.createdAt - a.createdAt)[0];
        if (!newest) {
          this.#report(t('data.noBackup'), 'error');
          return;
        }
        const lib = await this.api.restoreBackup({ name: newest.name });
        notesReplaced();
        this.libraryChanged(lib);
        this.#report(t('data.restored', { date: formatDateTime(newest.createdAt) }));
      },
      'recovery',
    );
  }
}
