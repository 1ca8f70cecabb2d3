// The overlays are native modal <dialog>s (renderer/src/lib/modal.ts): what the platform gives
// them in Chromium — the top layer, an inert page behind, Esc, a backdrop click — and focus
// handed back to what had it.
import { test, expect } from './harness';

test('the shortcuts dialog is modal: page inert behind it, Esc and a backdrop click close it, focus returns', async ({ app, page }) => {
  void app;
  const toggle = page.getByTestId('newest-first-toggle');
  await expect(toggle).toBeVisible();
  await toggle.focus();

  await page.keyboard.press('?');
  const help = page.getByTestId('keyboard-help');
  await expect(help).toBeVisible();
  expect(await help.evaluate((d) => d.matches('dialog:modal'))).toBe(true);
  // Focus moved inside, and Tab never reaches the page behind.
  await expect.poll(() => help.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await help.evaluate((d) => document.activeElement === document.body || d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(toggle).toBeFocused();

  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  // The top-left corner of the viewport is backdrop, outside the dialog's box.
  await page.mouse.click(2, 2);
  await expect(help).toHaveCount(0);
  await expect(toggle).toBeFocused();
});

test('the search palette is a modal dialog; Esc closes it even with text typed', async ({ app, page }) => {
  void app;
  await expect(page.getByTestId('course-item').first()).toBeVisible();
  await page.locator('body').press('/');
  const palette = page.getByRole('dialog', { name: 'Search lectures' });
  await expect(palette).toBeVisible();
  expect(await palette.evaluate((d) => d.matches('dialog:modal'))).toBe(true);
  await page.keyboard.insertText('attention');
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
});
