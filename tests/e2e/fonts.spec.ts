// Chinese reads as Traditional Chinese: the glyphs Chromium actually uses for a title and a
// summary come from the Traditional Chinese face, not a Japanese or Simplified fallback.
// Needs a CJK font on the machine (Debian: fonts-noto-cjk, which .ci/run installs).
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './harness';
import { course, openLecture } from './ui';

/** The font families Chromium used to draw the element's own text, from the DevTools protocol. */
async function fontsUsed(page: Page, target: Locator): Promise<string[]> {
  await target.evaluate((el) => el.setAttribute('data-font-probe', ''));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await target.evaluate((el) => el.removeAttribute('data-font-probe'));
  await cdp.detach();
  return fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
}

test('titles and summaries are marked zh-Hant and drawn with the Traditional Chinese face', async ({ app, page }) => {
  void app;
  await course(page, /^ML 2021 \(English version\)/).click();
  await openLecture(page, 368);
  const title = page.getByTestId('lecture-title');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('summary')).toHaveAttribute('lang', 'zh-Hant');
  // The summary's first paragraph is Chinese prose with ，。 punctuation.
  const para = page
    .getByTestId('summary')
    .locator('p, li')
    .filter({ hasText: /[，。]/ })
    .first();
  expect(await fontsUsed(page, para)).toContain('Noto Sans CJK TC');
  expect(await fontsUsed(page, para)).not.toContain('Noto Sans CJK JP');
  // Control, so the probe can tell the two apart: the old styling (lang="en" and a family name
  // Debian does not have) draws the same paragraph with the Japanese face.
  await para.evaluate((el) => {
    el.closest('[lang]')!.setAttribute('lang', 'en');
    (el as HTMLElement).style.fontFamily = "system-ui, 'Noto Sans TC', sans-serif";
  });
  expect(await fontsUsed(page, para)).toContain('Noto Sans CJK JP');
  // An English title stays English; a Chinese one is marked and drawn as Traditional Chinese.
  await expect(title).toHaveAttribute('lang', 'en');
  await page.getByTestId('upload-order-toggle').check();
  await openLecture(page, 356); // 【機器學習2021】機器終身學習 (一) - 為什麼今日的人工智慧無法成為天網？…
  await expect(title).toHaveAttribute('lang', 'zh-Hant');
  expect(await fontsUsed(page, title)).toEqual(expect.arrayContaining(['Noto Sans CJK TC']));
  expect(await fontsUsed(page, title)).not.toContain('Noto Sans CJK JP');
});
