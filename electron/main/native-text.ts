// What the main process says itself, in native dialogs: in the student's UI language (the saved
// pref, else the OS's preferred languages, as the page decides it). Plain, so it is tested under
// Node; the page's own words are in renderer/src/lib/i18n.
import { detectLanguage, type UiLanguage } from '../shared/prefs';

type Params = Record<string, string>;
type Text = (p: Params) => string;

const MESSAGES = {
  exportFolderTitle: {
    en: () => 'Export notes into folder',
    'zh-TW': () => '將筆記匯出到資料夾',
  },
  badArguments: {
    en: (p) => `Lecture Companion could not start: ${p.error}`,
    'zh-TW': (p) => `Lecture Companion 無法啟動：${p.error}`,
  },
  openDataFailed: {
    en: (p) => `Could not open your data in ${p.dir}:\n${p.error}`,
    'zh-TW': (p) => `無法開啟 ${p.dir} 中的資料：\n${p.error}`,
  },
  saveFailed: {
    en: (p) => `Your last changes could not be saved:\n${p.error}`,
    'zh-TW': (p) => `最後的變更無法儲存：\n${p.error}`,
  },
} satisfies Record<string, Record<UiLanguage, Text>>;

export type NativeMessage = keyof typeof MESSAGES;
export const NATIVE_MESSAGES = Object.keys(MESSAGES) as NativeMessage[];

/** The language for native dialogs: the student's choice when there is one, else the OS's. */
export function nativeLanguage(pref: UiLanguage | null | undefined, osPreferred: readonly string[]): UiLanguage {
  return pref ?? detectLanguage(osPreferred);
}

export function nativeText(lang: UiLanguage, key: NativeMessage, params: Params = {}): string {
  return MESSAGES[key][lang](params);
}
