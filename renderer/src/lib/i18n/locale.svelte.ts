// The UI language, by i18next: catalogs are plain objects bundled with the page (no loading,
// no eval, so it runs under the app's CSP), plurals come from Intl.PluralRules, and keys are
// typed (see i18next.d.ts). `lang` is a rune, so every `t()` read in markup re-renders when
// the student switches language; i18next itself is not reactive.
import i18next, { type TOptions } from 'i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../../electron/shared/contract';
import { en, type MessageKey } from './en';
import { zhTW } from './zh-TW';
import { detectLanguage } from '../../../../electron/shared/prefs';

export { detectLanguage };

const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: false,
  // Catalogs are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
  resources: { en: { translation: en }, 'zh-TW': { translation: zhTW } },
  supportedLngs: [...UI_LANGUAGES],
  // Flat keys like 'help.title': one level, easy to compare between catalogs in a test.
  keySeparator: false,
  nsSeparator: false,
  // Svelte escapes text itself; escaping here would show &amp; in the page.
  interpolation: { escapeValue: false },
  returnNull: false,
});

class Locale {
  lang = $state<UiLanguage>('en');

  /** Use `choice`, or the OS/browser locale when null; the document's lang follows. */
  set(choice: UiLanguage | null): void {
    const next = choice ?? detectLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
    void instance.changeLanguage(next);
    this.lang = next;
    if (typeof document !== 'undefined') document.documentElement.lang = next === 'zh-TW' ? 'zh-Hant-TW' : 'en';
  }
}

export const locale = new Locale();
locale.set(null);

/** Translate `key`; reading `locale.lang` here makes every caller re-run on a switch. */
export function t(key: MessageKey, options?: TOptions): string {
  void locale.lang;
  return instance.t(key, options as TOptions) as string;
}

/** A date (ms since epoch) in the UI language's way. */
export function formatDate(ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(locale.lang, options).format(ms);
}

/** A date and time (ms since epoch) in the UI language's way. */
export function formatDateTime(ms: number): string {
  return formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale.lang, options).format(n);
}
