import type { Locator } from '@playwright/test';

/** Pastes a file into the element, as the browser does for a real Ctrl+V of a copied image or screenshot. */
export async function pasteFile(target: Locator, bytes: Buffer, name: string, type: string): Promise<void> {
  await target.evaluate(
    (element, file) => {
      const data = new DataTransfer();
      const binary = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
      data.items.add(new File([binary], file.name, { type: file.type }));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { base64: bytes.toString('base64'), name, type },
  );
}
