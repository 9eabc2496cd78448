import { describe, expect, it } from 'vitest';
import { AccountSchema } from '../../../shared/model/account';
import { useMicropubSite } from '../../support/micropubSite';
import { runCli } from '../../support/cli';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

describe('commonplace accounts update, against a real Micropub site', () => {
  const site = useMicropubSite();

  it('checks a new token on the blog before keeping it, renames the blog, and refuses a second copy of it', async () => {
    const data = await newFolder();
    const added = await runCli(
      data,
      ['accounts', 'add', '--kind', 'micropub', '--url', site().url, '--secret-stdin'],
      site().token,
    );
    expect(added.code).toBe(0);
    const id = added.stdout.trim();
    const listed = async () =>
      AccountSchema.array().parse(JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout));
    const [before] = await listed();

    const refused = await runCli(data, ['accounts', 'update', id, '--name', 'Renamed', '--secret-stdin'], 'wrong');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^commonplace: 127\.0\.0\.1:\d+ does not allow this account/);
    expect(await listed()).toEqual([before]);

    const renamed = await runCli(
      data,
      ['accounts', 'update', id, '--name', 'My notebook', '--secret-stdin'],
      site().token,
    );
    expect(renamed).toMatchObject({
      code: 0,
      stdout: `Updated “My notebook”: ${site().url}, as ${before?.userName}.\n`,
    });
    expect(await listed()).toEqual([{ ...before, blogName: 'My notebook' }]);

    const twice = await runCli(
      data,
      ['accounts', 'add', '--kind', 'micropub', '--url', site().url, '--secret-stdin'],
      site().token,
    );
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('“My notebook” is already one of your blogs');
    expect(await listed()).toHaveLength(1);
  }, 60_000);
});
