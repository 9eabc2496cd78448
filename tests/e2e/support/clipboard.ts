import type { Page } from '@playwright/test';

/** Pastes formats into the focused paste field, as the browser does for a real Ctrl+V. */
export async function paste(page: Page, formats: Record<string, string>): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Paste here' });
  await field.waitFor();
  await field.evaluate((element, copied) => {
    const data = new DataTransfer();
    for (const [type, content] of Object.entries(copied)) data.setData(type, content);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, formats);
}
