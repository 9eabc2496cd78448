import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialVault, type SecretSealer } from '../../../electron/core/accounts/credentialVault';
import { localKeySealer } from '../../../electron/core/accounts/localKeySealer';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

/** Stands in for the OS keyring the way safeStorage behaves: sealed text is not the secret. */
const reversingSealer: SecretSealer = {
  scheme: 'os-keyring',
  protectedByOs: true,
  description: 'Passwords are encrypted with your operating system’s keyring.',
  seal: (secret) => Promise.resolve(Buffer.from(secret).reverse().toString('base64')),
  open: (sealed) => Promise.resolve(Buffer.from(sealed, 'base64').reverse().toString()),
};

async function secretsOnDisk(folder: string): Promise<string> {
  return readFile(path.join(folder, 'credentials', 'secrets.json'), 'utf8');
}

describe('the credential vault', () => {
  it('keeps secrets sealed on disk, returns them opened, and forgets them on delete', async () => {
    const folder = await newFolder();
    const vault = new CredentialVault(folder, { seal: reversingSealer });
    await vault.load();
    await vault.set('account-0001', 'abcd efgh ijkl');
    expect(await secretsOnDisk(folder)).not.toContain('abcd efgh ijkl');

    const reopened = new CredentialVault(folder, { seal: reversingSealer });
    await reopened.load();
    expect(await reopened.get('account-0001')).toBe('abcd efgh ijkl');
    await reopened.delete('account-0001');
    expect(await reopened.get('account-0001')).toBeNull();
    expect(await secretsOnDisk(folder)).not.toContain('account-0001');
  });

  it('without an OS keyring, seals with a key kept outside the library, made once, readable only by the user', async () => {
    const [library, appData] = [await newFolder(), await newFolder()];
    const keyFile = path.join(appData, 'vault.key');
    const vault = new CredentialVault(library, { seal: localKeySealer(keyFile) });
    await vault.load();
    expect(vault.protectedByOs).toBe(false);
    expect(vault.description).toContain(keyFile);
    await vault.set('account-0001', 'abcd efgh ijkl');
    expect(await secretsOnDisk(library)).not.toContain('abcd efgh ijkl');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const key = await readFile(keyFile, 'utf8');
    const reopened = new CredentialVault(library, { seal: localKeySealer(keyFile) });
    await reopened.load();
    expect(await reopened.get('account-0001')).toBe('abcd efgh ijkl');
    expect(await readFile(keyFile, 'utf8')).toBe(key);
  });

  it('makes one key when several processes start at once', async () => {
    const keyFile = path.join(await newFolder(), 'vault.key');
    const sealers = Array.from({ length: 6 }, () => localKeySealer(keyFile));
    const sealed = await Promise.all(sealers.map((sealer, index) => sealer.seal(`secret ${index}`)));
    // Each secret opened by another process's sealer: they all hold the same key.
    const others = [...sealers.slice(1), ...sealers.slice(0, 1)];
    const opened = await Promise.all(others.map((sealer, index) => sealer.open(sealed[index] ?? '')));
    expect(opened).toEqual(sealed.map((_, index) => `secret ${index}`));
  });

  it('says what to do, instead of sending garbage, when the key is not the one the secret was sealed with', async () => {
    const [library, appData] = [await newFolder(), await newFolder()];
    const vault = new CredentialVault(library, { seal: localKeySealer(path.join(appData, 'first.key')) });
    await vault.load();
    await vault.set('account-0001', 'abcd efgh ijkl');

    const withOtherKey = new CredentialVault(library, { seal: localKeySealer(path.join(appData, 'second.key')) });
    await withOtherKey.load();
    await expect(withOtherKey.get('account-0001')).rejects.toThrow(/enter it again in the blog’s settings/);
  });

  it('the app opens what the CLI sealed with the local key, and the CLI says why it cannot open the keyring’s', async () => {
    const [library, appData] = [await newFolder(), await newFolder()];
    const localKey = localKeySealer(path.join(appData, 'vault.key'));
    const cli = new CredentialVault(library, { seal: localKey });
    await cli.load();
    await cli.set('from-the-cli', 'cli secret');

    const app = new CredentialVault(library, { seal: reversingSealer, alsoOpen: [localKey] });
    await app.load();
    expect(await app.get('from-the-cli')).toBe('cli secret');
    await app.set('from-the-app', 'app secret');

    const cliAgain = new CredentialVault(library, { seal: localKey });
    await cliAgain.load();
    await expect(cliAgain.get('from-the-app')).rejects.toThrow(/OS keyring, which only the app can open/);
  });

  it('seals the secrets an earlier version stored as they were, at once, and still opens them', async () => {
    const [library, appData] = [await newFolder(), await newFolder()];
    await mkdir(path.join(library, 'credentials'), { recursive: true });
    await writeFile(
      path.join(library, 'credentials', 'secrets.json'),
      JSON.stringify({ schemaVersion: 1, secrets: { 'account-0001': { scheme: 'plain', value: 'abcd efgh ijkl' } } }),
    );
    const vault = new CredentialVault(library, { seal: localKeySealer(path.join(appData, 'vault.key')) });
    await vault.load();
    expect(await secretsOnDisk(library)).not.toContain('abcd efgh ijkl');
    expect(JSON.parse(await secretsOnDisk(library))).toMatchObject({ schemaVersion: 2 });
    expect(await vault.get('account-0001')).toBe('abcd efgh ijkl');
  });

  it('reads an earlier version’s file without changing it when opened read-only', async () => {
    const [library, appData] = [await newFolder(), await newFolder()];
    await mkdir(path.join(library, 'credentials'), { recursive: true });
    const old = JSON.stringify({ schemaVersion: 1, secrets: { 'account-0001': { scheme: 'plain', value: 'abc' } } });
    await writeFile(path.join(library, 'credentials', 'secrets.json'), old);
    const vault = new CredentialVault(library, { seal: localKeySealer(path.join(appData, 'vault.key')) });
    await vault.load({ readOnly: true });
    expect(await vault.get('account-0001')).toBe('abc');
    expect(await secretsOnDisk(library)).toBe(old);
  });
});
