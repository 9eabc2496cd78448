import { clipboard, safeStorage } from 'electron';
import type { ClipboardPayload } from '../../shared/model/clipboard';
import type { SecretSealer, VaultSealers } from '../core/accounts/credentialVault';
import { localKeySealer } from '../core/accounts/localKeySealer';
import { clipboardPayloadFrom } from '../core/quotes/clipboardReader';

/**
 * Blog secrets sealed with safeStorage (Keychain, DPAPI, or the Linux secret service), or with the
 * key kept outside the library where safeStorage is unavailable or, on Linux without a keyring,
 * falls back to a fixed key ('basic_text'). Secrets the CLI or the dev host sealed with that key
 * open here too.
 */
export async function appVaultSealers(keyFile: string): Promise<VaultSealers> {
  const localKey = localKeySealer(keyFile);
  const keyring = await osKeyringSealer();
  return { seal: keyring ?? localKey, alsoOpen: [localKey] };
}

async function osKeyringSealer(): Promise<SecretSealer | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    scheme: 'os-keyring',
    protectedByOs: true,
    description: 'Passwords are encrypted with your operating system’s keyring.',
    seal: async (secret) => (await safeStorage.encryptStringAsync(secret)).toString('base64'),
    open: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  };
}

/** What the OS clipboard holds, in every format the quote parser reads. */
export function readOsClipboard(): Promise<ClipboardPayload> {
  return clipboardPayloadFrom(clipboard);
}
