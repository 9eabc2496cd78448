import type { Page } from '@playwright/test';

/**
 * Types `keystrokes` keys at the end of the commentary, a word every six keys, 40 ms apart (a fast
 * typist); `pauseEvery` adds a longer pause after every so many keys.
 */
export async function typeInCommentary(
  page: Page,
  keystrokes: number,
  pauseEvery?: { readonly keys: number; readonly ms: number },
): Promise<void> {
  await page.getByRole('textbox', { name: 'Commentary' }).click();
  await page.keyboard.press('Control+End');
  for (let index = 0; index < keystrokes; index += 1) {
    await page.keyboard.type(index % 6 === 5 ? ' ' : 'x');
    await page.waitForTimeout(pauseEvery && index % pauseEvery.keys === pauseEvery.keys - 1 ? pauseEvery.ms : 40);
  }
}
