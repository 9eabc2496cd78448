import { execFile } from 'node:child_process';
import { cp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const newFolder = useTempFolders();

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A copy of the built CLI of its own (its cache is then the test's alone), started as
 * electron/cli/bin.cjs starts out/cli: through the code cache.
 */
async function builtCopy(): Promise<{
  cli: string;
  cache: string;
  run: (args: readonly string[]) => Promise<Run>;
}> {
  const folder = await newFolder();
  const cli = path.join(folder, 'cli');
  await cp(path.join(ROOT, 'out/cli'), cli, {
    recursive: true,
    filter: (source) => !source.endsWith('.map') && path.basename(source) !== 'code-cache',
  });
  // The chunks find their packages as they do in out/cli.
  await symlink(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  const start = path.join(folder, 'start.cjs');
  await writeFile(
    start,
    "require('./cli/codeCache.cjs').loadThroughCodeCache(require('node:path').join(__dirname, 'cli'));\nrequire('./cli/main.cjs');\n",
  );
  return {
    cli,
    cache: path.join(cli, 'code-cache'),
    run: (args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [start, ...args],
          { env: { ...process.env, COMMONPLACE_DATA: '' } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      }),
  };
}

/** Each cache file with its contents. */
async function cacheFiles(cache: string): Promise<Map<string, Buffer>> {
  const names = await readdir(cache);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(cache, name))] as const)));
}

async function libraryWithADraft(run: (args: readonly string[]) => Promise<Run>) {
  const data = await newFolder();
  const created = await run(['--data', data, 'drafts', 'create', '--from', REBLOG_POST_FILE]);
  expect(created).toMatchObject({ code: 0, stderr: '' });
  return { data, id: created.stdout.trim() };
}

describe('the CLI’s code cache', () => {
  it('is written when a command exits, for the chunks it ran, and read as it is by the next command', async () => {
    const copy = await builtCopy();
    const { data, id } = await libraryWithADraft(copy.run);
    const first = await copy.run(['--data', data, 'drafts', 'show', id]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const names = await readdir(copy.cache);
    const show = (await readdir(copy.cli)).find((name) => /^show-[\w-]+\.cjs$/.test(name));
    expect(show).toBeDefined();
    expect(names.some((name) => name.startsWith('main.cjs.'))).toBe(true);
    expect(names.some((name) => name.startsWith(`${show}.`))).toBe(true);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const stamps = async () =>
      Promise.all(names.map(async (name) => (await stat(path.join(copy.cache, name))).mtimeMs));
    const before = await stamps();
    // V8 took every cache as it was: none was refused and made again.
    expect(await copy.run(['--data', data, 'drafts', 'show', id])).toEqual(first);
    expect(await stamps()).toEqual(before);
  });

  it('refuses a damaged cache: the command runs as without it, and the cache is made again', async () => {
    const copy = await builtCopy();
    const { data, id } = await libraryWithADraft(copy.run);
    const first = await copy.run(['--data', data, 'drafts', 'show', id, '--json']);
    const damaged = new Map<string, Buffer>();
    for (const [name, bytes] of await cacheFiles(copy.cache)) {
      // Same length, other bytes: what a torn or corrupted file holds.
      const garbage = Buffer.from(bytes.map((byte, index) => (byte ^ (index * 7 + 1)) & 0xff));
      damaged.set(name, garbage);
      await writeFile(path.join(copy.cache, name), garbage);
    }
    expect(damaged.size).toBeGreaterThan(0);
    expect(await copy.run(['--data', data, 'drafts', 'show', id, '--json'])).toEqual(first);
    // Those of the chunks `drafts show` ran (not those `drafts create` left) are made again.
    const show = (await readdir(copy.cli)).find((name) => /^show-[\w-]+\.cjs$/.test(name)) ?? '';
    const remade = [...(await cacheFiles(copy.cache))].filter(
      ([name, bytes]) => !bytes.equals(damaged.get(name) ?? Buffer.alloc(0)),
    );
    expect(remade.map(([name]) => name.split('.cjs.')[0])).toEqual(
      expect.arrayContaining(['main', show.replace(/\.cjs$/, '')]),
    );
  });

  it('runs a chunk as it is now when it changed after its cache was made, even to the same length', async () => {
    const copy = await builtCopy();
    const { data, id } = await libraryWithADraft(copy.run);
    expect((await copy.run(['--data', data, 'drafts', 'show', id])).stdout).toContain('\nQuotes:\n');
    const show = (await readdir(copy.cli)).find((name) => /^show-[\w-]+\.cjs$/.test(name)) ?? '';
    const file = path.join(copy.cli, show);
    const source = await readFile(file, 'utf8');
    expect(source).toContain('"Quotes:"');
    await writeFile(file, source.replace('"Quotes:"', '"Quoted:"'));
    const changed = await copy.run(['--data', data, 'drafts', 'show', id]);
    expect(changed).toMatchObject({ code: 0, stderr: '' });
    expect(changed.stdout).toContain('\nQuoted:\n');
  });

  it('runs commands as before where the cache cannot be written', async () => {
    const copy = await builtCopy();
    // A file where the cache's folder would be: no cache can be made there (as in a read-only install).
    await writeFile(copy.cache, '');
    const { data, id } = await libraryWithADraft(copy.run);
    const shown = await copy.run(['--data', data, 'drafts', 'show', id]);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toContain('\nQuotes:\n');
    expect((await stat(copy.cache)).isFile()).toBe(true);
  });
});
