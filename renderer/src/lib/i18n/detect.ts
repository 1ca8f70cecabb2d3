// Which UI language a new student gets before choosing one in Settings. Plain (no runes), so
// it is tested under Node.
import type { UiLanguage } from '../../../../electron/shared/contract';

/**
 * The first of the browser's (in Electron: the OS's) preferred languages that we have;
 * English otherwise. Any Chinese gets zh-TW: the catalog's content is Traditional Chinese.
 */
export function detectLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-TW';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
