// English UI strings for the Data menu, backups, recovery and data warnings. Merged into one catalog by ../en.ts.
export const enData = {
  'reset.title': 'Reset corrections',
  'reset.message':
    "Undo every course move and rename you made, and go back to the catalog's own grouping? Watched marks and notes are kept.",
  'reset.confirm': 'Reset',

  'warnings.summary_one': '{{count}} catalog entry could not be read',
  'warnings.summary_other': '{{count}} catalog entries could not be read',
  'warnings.more': '…and {{count}} more',

  'backups.none': 'No automatic backups yet.',
  'backups.count_one': '{{count}} note, {{watched}} watched',
  'backups.count_other': '{{count}} notes, {{watched}} watched',
  'backups.confirmGroup': 'Confirm restore',
  'backups.confirm': 'Replace your current notes and watched marks with this backup?',
  'backups.restore': 'Restore',
  'backups.restoreStart': 'Restore…',

  'data.menu': 'Data',
  'data.attention': 'needs attention',
  'data.panel': 'Export and backups',
  'data.exportOne': "Export this lecture's notes",
  'data.exportAllSingle': 'Export all notes (one file)',
  'data.exportAllPer': 'Export all notes (one file per lecture)',
  'data.backup': 'Back up all data…',
  'data.merge': 'Restore/merge from a backup file…',
  'data.mergeFile': 'Backup file to merge',
  'data.restoreAuto': 'Restore from automatic backup…',
  'data.loadingBackups': 'Loading backups…',
  'data.action.export': 'Export',
  'data.action.backup': 'Backup',
  'data.action.merge': 'Merge',
  'data.action.restore': 'Restore',
  'data.running': '{{action}}…',
  'data.failed': '{{action}} failed: {{error}}',
  'data.downloadedOne': "Downloaded {{name}} (see your browser's downloads)",
  'data.downloadedMany': "Downloaded {{count}} files (see your browser's downloads)",
  'data.cancelled': 'Cancelled',
  'data.savedTo': 'Saved to {{path}}',
  'data.savedMany': 'Saved {{count}} files',
  'data.tooLarge': '{{name}} is too large to be a backup',
  'data.merged':
    'Merged {{name}}: {{added}} added, {{updated}} updated, {{deleted}} deleted, {{conflicts}} conflicts, {{watched}} watched marks',
  'data.mergedSkipped':
    'Merged {{name}}: {{added}} added, {{updated}} updated, {{deleted}} deleted, {{conflicts}} conflicts, {{watched}} watched marks, {{skipped}} skipped ({{reasons}})',
  'data.listFailed': 'Could not list backups: {{error}}',
  'data.restored': 'Restored the backup from {{date}}',
  'data.noBackup': 'There is no automatic backup to restore.',

  'recovery.what': 'Your data file could not be read (it may have been cut short or edited by hand), so the app started with empty data.',
  'recovery.kept': 'The unreadable file was kept, unchanged, as:',
  'recovery.doBackup':
    'Restore the newest automatic backup to get your notes and watched marks back, or open the Data menu to pick another backup.',
  'recovery.doNoBackup':
    'There is no automatic backup to restore. You can keep working; to recover by hand, open the kept file in a text editor, or use Data → Restore/merge from a backup file… with a backup you saved.',
  'recovery.restoreNewest': 'Restore newest backup',
  'recovery.dismiss': 'Dismiss',
  'recovery.readonly': 'Your data was written by a newer version of the app; changes cannot be saved.',
} as const;
