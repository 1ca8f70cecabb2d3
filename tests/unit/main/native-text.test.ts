// The main process's native dialogs speak the student's language: the saved choice first, the
// OS's preferred languages otherwise, and every message exists in both languages.
import { describe, expect, it } from 'vitest';
import { NATIVE_MESSAGES, nativeLanguage, nativeText } from '../../../electron/main/native-text';
import { UI_LANGUAGES } from '../../../electron/shared/prefs';

describe('native dialog text', () => {
  it('has every message in English and zh-TW, each its own words, with the parameters filled in', () => {
    const params = { error: 'ENOSPC', dir: '/home/s/data' };
    for (const key of NATIVE_MESSAGES) {
      const [en, zh] = UI_LANGUAGES.map((l) => nativeText(l, key, params));
      expect(en, key).toMatch(/\w/);
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, key).not.toBe(en);
      for (const text of [en, zh]) expect(text).not.toMatch(/undefined/);
    }
    expect(nativeText('zh-TW', 'openDataFailed', params)).toContain('/home/s/data');
    expect(nativeText('en', 'saveFailed', params)).toContain('ENOSPC');
  });

  it("follows the saved choice, else the OS's preferred languages", () => {
    expect(nativeLanguage('en', ['zh-TW'])).toBe('en');
    expect(nativeLanguage(null, ['zh-Hant-TW', 'en-US'])).toBe('zh-TW');
    expect(nativeLanguage(undefined, ['fr-FR'])).toBe('en');
  });
});
