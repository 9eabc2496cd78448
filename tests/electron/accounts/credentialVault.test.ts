import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialVault, plainSealer, type SecretSealer } from '../../../electron/core/accounts/credentialVault';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

/** Stands in for the OS keyring the way safeStorage behaves: sealed text is not the secret. */
const reversingSealer: SecretSealer = {
  scheme: 'os-keyring',
  protectedByOs: true,
  seal: (secret) => Promise.resolve(Buffer.from(secret).reverse().toString('base64')),
  open: (sealed) => Promise.resolve(Buffer.from(sealed, 'base64').reverse().toString()),
};

describe('the credential vault', () => {
  it('keeps secrets sealed on disk, returns them opened, and forgets them on delete', async () => {
    const folder = await newFolder();
    const vault = new CredentialVault(folder, reversingSealer);
    await vault.load();
    await vault.set('account-0001', 'abcd efgh ijkl');
    const onDisk = await readFile(path.join(folder, 'credentials', 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('abcd efgh ijkl');

    const reopened = new CredentialVault(folder, reversingSealer);
    await reopened.load();
    expect(await reopened.get('account-0001')).toBe('abcd efgh ijkl');
    await reopened.delete('account-0001');
    expect(await reopened.get('account-0001')).toBeNull();
    expect(await readFile(path.join(folder, 'credentials', 'secrets.json'), 'utf8')).not.toContain('account-0001');
  });

  it('says plainly when the OS does not protect the secrets', async () => {
    const vault = new CredentialVault(await newFolder(), plainSealer);
    expect(vault.protectedByOs).toBe(false);
    expect(vault.description).toMatch(/unencrypted .* readable only by your user account/);
  });
});
