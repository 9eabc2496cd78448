import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountSchema } from '../../../shared/model/account';
import { startBloggerFake, type BloggerFake } from '../../servers/bloggerFake';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const CLI = fileURLToPath(new URL('../../../electron/cli/bin.cjs', import.meta.url));
const newFolder = useTempFolders();
let fake: BloggerFake | null = null;

afterEach(async () => {
  await fake?.stop();
  fake = null;
});

function googleEnvironment(blogger: BloggerFake): Record<string, string> {
  return {
    COMMONPLACE_GOOGLE_CLIENT_ID: blogger.clientId,
    COMMONPLACE_GOOGLE_CLIENT_SECRET: blogger.clientSecret,
    COMMONPLACE_GOOGLE_AUTHORIZATION_ENDPOINT: blogger.authorizationEndpoint,
    COMMONPLACE_GOOGLE_TOKEN_ENDPOINT: blogger.tokenEndpoint,
    COMMONPLACE_BLOGGER_API_ROOT: blogger.apiRoot,
  };
}

/**
 * Runs `accounts add --kind blogger` and plays the writer's browser: opens the address the CLI
 * prints, where the fake Google consents and sends the browser back to the CLI's loopback port.
 */
function addBloggerAccount(
  data: string,
  blogger: BloggerFake,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, '--data', data, 'accounts', 'add', '--kind', 'blogger', '--url', blogger.blog.url],
      {
        env: { ...process.env, COMMONPLACE_DATA: '', ...googleEnvironment(blogger) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let browsed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const address = /^(http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?\S+)$/m.exec(stderr)?.[1];
      if (address === undefined || browsed) return;
      browsed = true;
      void (async () => {
        const consent = await fetch(address, { redirect: 'manual' });
        const back = consent.headers.get('location');
        if (back === null) throw new Error(`the fake Google did not redirect: ${consent.status}`);
        const page = await fetch(back);
        expect(await page.text()).toContain('Signed in.');
      })().catch(reject);
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('adding a Blogger blog from the CLI, through Google’s installed-app sign-in', () => {
  it('signs in with PKCE on a loopback port, keeps the refresh token in the vault, and publishes', async () => {
    fake = await startBloggerFake();
    const data = await newFolder();
    const added = await addBloggerAccount(data, fake);
    expect(added.stderr).toContain('Sign in to Google to let Commonplace post to Blogger:');
    expect(added.code).toBe(0);
    const accounts = AccountSchema.array().parse(
      JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout),
    );
    expect(accounts).toMatchObject([{ kind: 'blogger', blogName: fake.blog.name }]);

    const draft = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const published = await runCli(
      data,
      ['publish', draft, '--to', accounts[0]?.id ?? '', '--json'],
      undefined,
      googleEnvironment(fake),
    );
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ kind: 'published' });
  });

  it('says what is missing when the app has no Google client configured', async () => {
    const data = await newFolder();
    const refused = await runCli(
      data,
      ['accounts', 'add', '--kind', 'blogger', '--url', 'https://example.blogspot.com/'],
      undefined,
      {
        COMMONPLACE_GOOGLE_CLIENT_ID: '',
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Google OAuth client id/);
  });
});
