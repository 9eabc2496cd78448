import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSchema } from '../../../shared/model/account';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';
import { runCli } from '../../support/cli';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const skipReason = wordPressSkipReason();
if (skipReason) console.log(`CLI account tests skip: ${skipReason}`);

/** Every file under `folder`, except the credential vault, that contains `text`. */
async function filesContaining(folder: string, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file, 'utf8')).includes(text)) found.push(path.relative(folder, file));
  }
  return found;
}

describe.skipIf(skipReason !== null)('commonplace accounts, against a real WordPress', () => {
  let wordpress: WordPressServer;
  beforeAll(async () => {
    wordpress = await startWordPress();
  }, 120_000);
  afterAll(async () => {
    await wordpress.stop();
  });

  it('adds a blog with the secret from an environment variable, keeps the secret out of the library, and removes it', async () => {
    const data = await newFolder();
    const added = await runCli(
      data,
      [
        'accounts',
        'add',
        '--kind',
        'wordpress',
        '--url',
        wordpress.url,
        '--user',
        wordpress.user,
        '--secret-env',
        'BLOG_SECRET',
      ],
      undefined,
      { BLOG_SECRET: wordpress.applicationPassword },
    );
    expect(added.stderr).toMatch(/^Added “.+” as .+\. Passwords are encrypted with a key kept outside the library/);
    expect(added.code).toBe(0);
    const id = added.stdout.trim();

    const [account] = AccountSchema.array().parse(
      JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout),
    );
    expect(account).toMatchObject({ id, kind: 'wordpress', user: wordpress.user, canPublish: true });
    expect(account?.options).toEqual({
      hashtagsInTitle: false,
      attribution: 'via',
      linkToPassage: false,
      maxImageSide: 2048,
    });

    // Sealed: no file of the library holds the password as it is.
    expect(await filesContaining(data, wordpress.applicationPassword)).toEqual([]);
    expect((await stat(path.join(data, 'credentials'))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(data, 'credentials', 'secrets.json'))).mode & 0o777).toBe(0o600);

    const secrets = path.join(data, 'credentials', 'secrets.json');
    expect(await readFile(secrets, 'utf8')).toContain(id);
    expect((await runCli(data, ['accounts', 'remove', id])).code).toBe(0);
    expect(await readFile(secrets, 'utf8')).not.toContain(id);
    expect(JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('reads the secret from standard input, and takes the blog’s choices of how quotes are credited', async () => {
    const data = await newFolder();
    const added = await runCli(
      data,
      [
        'accounts',
        'add',
        '--kind',
        'xmlrpc',
        '--url',
        wordpress.url,
        '--user',
        wordpress.user,
        '--secret-stdin',
        '--attribution',
        'source',
        '--link-to-passage',
      ],
      `${wordpress.applicationPassword}\n`,
    );
    expect(added.code).toBe(0);
    const accounts = AccountSchema.array().parse(
      JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout),
    );
    expect(accounts.map((account) => account.options)).toEqual([
      { hashtagsInTitle: false, attribution: 'source', linkToPassage: true, maxImageSide: 2048 },
    ]);
  });

  it('refuses a wrong password with a one-line reason and stores nothing', async () => {
    const data = await newFolder();
    const refused = await runCli(
      data,
      ['accounts', 'add', '--kind', 'wordpress', '--url', wordpress.url, '--user', wordpress.user, '--secret-stdin'],
      'not the password\n',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout)).toEqual([]);
  });
});

describe('commonplace accounts: usage', () => {
  it('has no way to pass a secret on the command line', async () => {
    const data = await newFolder();
    const result = await runCli(data, [
      'accounts',
      'add',
      '--kind',
      'wordpress',
      '--url',
      'http://127.0.0.1:9/',
      '--password',
      'x',
    ]);
    expect(result.code).toBe(2);
    const noSecret = await runCli(data, ['accounts', 'add', '--kind', 'wordpress', '--url', 'http://127.0.0.1:9/']);
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toMatch(/--secret-env VARIABLE or --secret-stdin/);
  });
});
