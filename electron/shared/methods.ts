// The names of the contract's methods, with no imports: the preload (which may load only
// 'electron' at runtime) and the renderer use this list without pulling in zod.
// contract.ts checks at compile time that it names exactly the contract's methods.
export const METHOD_NAMES = [
  'getLibrary', 'getLecture', 'setWatched', 'openVideo', 'setPrefs', 'saveNote', 'listNotes', 'search',
  'moveLecture', 'renameCourse', 'resetCorrections', 'exportNotes', 'exportBackup', 'importBackup',
  'listBackups', 'restoreBackup',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
