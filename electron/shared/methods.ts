// The contract's method names and limits, with no imports: the preload (which may load only
// 'electron' at runtime) and the renderer use them without pulling in zod.
// contract.ts re-exports them and checks at compile time that the names match its methods.

export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
export const MAX_NOTE_CHARS = 4_000_000; // a 1 MB note of any script fits; a 10 MB paste does not
export const MAX_BACKUP_CHARS = 64_000_000;

export const METHOD_NAMES = [
  'getLibrary', 'getLecture', 'setWatched', 'openVideo', 'setPrefs', 'saveNote', 'listNotes', 'search',
  'moveLecture', 'renameCourse', 'resetCorrections', 'exportNotes', 'exportBackup', 'importBackup',
  'listBackups', 'restoreBackup',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
