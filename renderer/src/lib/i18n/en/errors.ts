// English words for the errors the service names (electron/shared/wire.ts ERROR_MESSAGES): the
// error crosses the wire as a key and its parameters, and the page says it here. Merged by ../en.ts.
export const enErrors = {
  'error.lectureNotFound': 'There is no lecture with video id {{videoId}} in the catalog.',
  'error.courseNotFound': 'There is no course {{courseId}}.',
  'error.noMoveToUndo': 'There is no move to undo: the courses have changed since.',
  'error.noNotes': 'There are no notes to export yet.',
  'error.notBackup': 'This is not a Lecture Companion backup: {{reason}}.',
  'error.backupNewer': 'The backup {{name}} comes from a newer version of Lecture Companion.',
  'error.backupFileNewer':
    'This backup comes from a newer version of Lecture Companion (data version {{version}}); update the app to import it.',
  'error.backupMissing': 'There is no backup named {{name}}.',
  'error.backupUnreadable': 'The backup {{name}} cannot be read: {{reason}}.',
  'error.readonlyNewer': 'This data was saved by a newer version of Lecture Companion; it is open read-only and nothing is saved.',
  'error.diskFull': 'The disk is full: nothing was saved. Free some space and try again.',
  'error.diskFullAtStart':
    'The disk is full, so Lecture Companion opened your data read-only: nothing you change now can be saved. Free some disk space and restart Lecture Companion to keep working.',
  'error.readonlyNewerVersion':
    'This data was saved by a newer version of Lecture Companion (data version {{version}}; this version knows {{known}}). It is shown read-only and nothing will be saved: update Lecture Companion to keep working with it.',
  'error.browserNoSave': 'Browser mode has no save dialog; exports are downloads.',
  'error.browserNoFiles': 'Browser mode writes no files; exports are downloads.',
  'error.tooLarge': 'The request is too large.',
} as const;
