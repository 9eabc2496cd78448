import { clipboard, safeStorage } from 'electron';
import type { ClipboardPayload } from '../../shared/model/clipboard';
import { plainSealer, type SecretSealer } from '../core/accounts/credentialVault';
import { clipboardPayloadFrom } from '../core/quotes/clipboardReader';

/**
 * Blog secrets sealed with safeStorage (Keychain, DPAPI, or the Linux secret service). On Linux
 * without a keyring safeStorage falls back to a fixed key ('basic_text'): the vault then says the
 * secrets are not protected by the OS, and the app shows it.
 */
export async function osKeyringSealer(): Promise<SecretSealer> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return plainSealer;
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    scheme: 'os-keyring',
    protectedByOs: !weak,
    seal: async (secret) => (await safeStorage.encryptStringAsync(secret)).toString('base64'),
    open: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  };
}

/** What the OS clipboard holds, in every format the quote parser reads. */
export function readOsClipboard(): Promise<ClipboardPayload> {
  return clipboardPayloadFrom(clipboard);
}
