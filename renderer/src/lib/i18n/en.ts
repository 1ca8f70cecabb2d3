// English UI strings. Keys are flat ('area.what'); plurals use i18next's `_one`/`_other`
// suffixes and are called with the base key and `count`. zh-TW.ts must have every key
// (the compiler checks it; tests/unit/i18n.test.ts checks the code's keys too).
export const en = {
  'app.title': 'Lecture Companion',
  'app.loadError': 'Could not load the library',
  'app.tryAgain': 'Try again',
  'app.loading': 'Loading the catalog…',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'lang.en': 'English',
  'lang.zh-TW': '繁體中文',
  // The channel as courses: the playlist's multi-selection, marks of many lectures, language versions.
  'bulk.toolbar': 'Selected lectures',
  'bulk.count': '{{count}} selected',
  'bulk.move': 'Move to course…',
  'bulk.markWatched': 'Mark watched',
  'bulk.markUnwatched': 'Mark unwatched',
  'bulk.clear': 'Clear',
  'bulk.subject_one': '{{count}} selected lecture',
  'bulk.subject_other': '{{count}} selected lectures',
  'bulk.moved_one': 'Moved {{count}} lecture to {{course}}.',
  'bulk.moved_other': 'Moved {{count}} lectures to {{course}}.',
  'bulk.moveFailed': 'Could not move the lectures',
  'playlist.picked': ', selected',
  'marks.undo': 'Undo',
  'marks.courseWatched_one': 'Marked {{count}} lecture of {{course}} watched.',
  'marks.courseWatched_other': 'Marked {{count}} lectures of {{course}} watched.',
  'marks.courseUnwatched_one': 'Marked {{count}} lecture of {{course}} unwatched.',
  'marks.courseUnwatched_other': 'Marked {{count}} lectures of {{course}} unwatched.',
  'marks.watched_one': 'Marked {{count}} lecture watched.',
  'marks.watched_other': 'Marked {{count}} lectures watched.',
  'marks.unwatched_one': 'Marked {{count}} lecture unwatched.',
  'marks.unwatched_other': 'Marked {{count}} lectures unwatched.',
  'marks.alsoLinked_one': 'Also {{count}} in the other language.',
  'marks.alsoLinked_other': 'Also {{count}} in the other language.',
  'versions.english': 'English version',
  'versions.open': 'Open {{title}} (v)',
  'versions.markBoth': 'Watching one marks the other',
  'versions.markBothHint': 'Marking one version watched or unwatched marks the other the same',
  'versions.none': 'This lecture has no version in the other language.',
  'versions.marker': 'Also in the other language (中文版 / English version)',
  'versions.markerLabel': 'has a version in the other language',
  'prefs.saveFailed': 'Could not change the setting',
  'help.selectRange': 'Select a range of lectures (also Shift+click)',
  'help.selectOne': 'Select or unselect the highlighted lecture (also Ctrl/⌘+click)',
  'help.selectAll': 'In the list: select every lecture shown; Esc clears the selection',
  'help.otherVersion': 'Open the other language version (中文版 / English version)',
} as const;

type Base<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
/** Keys as code passes them to t(): plural forms by their base key. */
export type MessageKey = Base<keyof typeof en>;
/** What another language's catalog must hold: every key, with the plural forms its language uses. */
export type Catalog = { [K in keyof typeof en as K extends `${string}_one` ? never : K]: string };
