// A backup's text made into data the store can merge or restore, or refused with the reason
// in words the student can act on (by key, so the page says it in the UI's language).
// Reading happens off the main thread when the text is large (import-thread.ts).
import { ApiError } from '../../shared/contract';
import type { Skipped } from './limits';
import { readBackupText } from './import-thread';
import type { StoreData } from './schema';

/**
 * `from`: null for a file the student picked (an import, held to the contract's limits),
 * or the name of one of our own backups (a restore, not held to them). `writable` runs once
 * the text is read, so a store turned read-only meanwhile refuses before anything else.
 */
export async function usableBackup(
  text: string,
  now: number,
  from: { name: string } | null,
  writable: () => void,
): Promise<{ data: StoreData; skipped: Skipped | null }> {
  const { outcome, skipped } = await readBackupText(text, now, from === null);
  writable();
  if (outcome.kind === 'invalid') {
    const { reason } = outcome;
    throw from
      ? new ApiError(`The backup ${from.name} cannot be read: ${reason}.`, 'invalid', {
          key: 'backupUnreadable',
          params: { name: from.name, reason },
        })
      : new ApiError(`This is not a Lecture Companion backup: ${reason}.`, 'invalid', { key: 'notBackup', params: { reason } });
  }
  if (outcome.kind === 'newer') {
    throw from
      ? new ApiError(`The backup ${from.name} comes from a newer version of Lecture Companion.`, 'invalid', {
          key: 'backupNewer',
          params: { name: from.name },
        })
      : new ApiError(
          `This backup comes from a newer version of Lecture Companion (data version ${outcome.version}); update the app to import it.`,
          'invalid',
          { key: 'backupFileNewer', params: { version: outcome.version } },
        );
  }
  return { data: outcome.data, skipped };
}
