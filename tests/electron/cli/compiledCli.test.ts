import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { runCli } from '../../support/cli';
import { useTempFolders } from '../../support/tempFolder';
import { sampleImage } from '../media/support/images';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'electron/cli/bin.cjs');
const BUILT_CLI = path.join(ROOT, 'out/cli');
const newFolder = useTempFolders();

// Module hooks (run on Node's loader thread) that note every ES module the process loads, in a file.
const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  appendFileSync(process.env.LOADED_MODULES_LOG, url + '\\n');
  return nextLoad(url, context);
}`;
const REGISTER = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;
// The CLI's chunks are CommonJS (for the code cache), which those hooks do not see on Node 20:
// every module that require() loaded is noted at exit, from require's cache.
const NOTE_REQUIRED = `process.once('exit', () => {
  const { appendFileSync } = require('node:fs');
  const { pathToFileURL } = require('node:url');
  appendFileSync(process.env.LOADED_MODULES_LOG, Object.keys(require.cache).map((file) => pathToFileURL(file).href + '\\n').join(''));
});`;

/** Runs the CLI as a writer's shell would, and lists every module it loaded (file URLs). */
async function modulesLoadedBy(data: string, args: readonly string[]): Promise<string[]> {
  const log = path.join(data, 'loaded-modules.log');
  const noteRequired = path.join(data, 'note-required.cjs');
  await writeFile(noteRequired, NOTE_REQUIRED);
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(REGISTER)}`,
        '--require',
        noteRequired,
        CLI,
        '--data',
        data,
        ...args,
      ],
      { env: { ...process.env, COMMONPLACE_DATA: '', LOADED_MODULES_LOG: log } },
      (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
    );
  });
  return (await readFile(log, 'utf8')).split('\n').filter((line) => line.startsWith('file:'));
}

const SourceMapSchema = z.looseObject({ sources: z.array(z.string()) });

/** The source files (relative to the repository) compiled into the loaded modules of out/cli. */
async function sourcesOf(modules: readonly string[]): Promise<string[]> {
  const sources = new Set<string>();
  for (const module of modules) {
    const file = fileURLToPath(module);
    if (path.dirname(file) !== BUILT_CLI) continue;
    // The bundler's own helpers (CommonJS interop) have no sources of ours, and no map.
    if (!existsSync(`${file}.map`) && /^rolldown-runtime-[\w-]+\.cjs$/.test(path.basename(file))) continue;
    const map = SourceMapSchema.parse(JSON.parse(await readFile(`${file}.map`, 'utf8')));
    for (const source of map.sources) sources.add(path.relative(ROOT, path.resolve(BUILT_CLI, source)));
  }
  return [...sources].sort();
}

describe('the compiled CLI', () => {
  it('runs the JavaScript built into out/cli: no TypeScript source and no compiler is loaded', async () => {
    const data = await newFolder();
    const loaded = await modulesLoadedBy(data, ['--help']);
    expect(loaded.some((url) => url.includes('/out/cli/main.cjs'))).toBe(true);
    expect(loaded.filter((url) => /\.(ts|tsx|mts)$/.test(url))).toEqual([]);
    expect(loaded.filter((url) => /\/node_modules\/(tsx|esbuild|typescript)\//.test(url))).toEqual([]);
  });

  it('answers --help from the command table alone: no library, schema or command module loads', async () => {
    const data = await newFolder();
    const loaded = await modulesLoadedBy(data, ['--help']);
    const sources = await sourcesOf(loaded);
    expect(sources).toContain('electron/cli/program.ts');
    const core = sources.filter((source) => source.startsWith('electron/core/'));
    // The stray-error guard is installed before any command runs; it imports nothing.
    expect(core.sort()).toEqual(['electron/core/dataFolder.ts', 'electron/core/shell/strayErrors.ts']);
    expect(sources.filter((source) => source.startsWith('electron/cli/commands/'))).toEqual([]);
    // zod is bundled into the CLI's chunks: neither its files nor a chunk holding it load for help.
    expect(loaded.filter((url) => url.includes('/node_modules/zod/'))).toEqual([]);
    expect(sources.filter((source) => source.includes('node_modules/zod/'))).toEqual([]);
  });

  it('loads for `drafts list` only the library, the outbox’s records and that command: no publishing, accounts or sending code', async () => {
    const data = await newFolder();
    expect((await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).code).toBe(0);
    const sources = await sourcesOf(await modulesLoadedBy(data, ['drafts', 'list', '--json']));
    expect(sources).toContain('electron/core/library/draftLibrary.ts');
    expect(sources).toContain('electron/cli/commands/drafts/list.ts');
    expect(sources.filter((source) => /^electron\/core\/(publishing|accounts|quotes|media)\//.test(source))).toEqual(
      [],
    );
    // Where each draft stands on its blogs is the outbox's to say: its records load, its sending does not.
    expect(sources).toContain('electron/core/outbox/outboxRecords.ts');
    expect(
      sources.filter((source) => /^electron\/core\/outbox\/(send|conflicts|pull|retryPolicy)/.test(source)),
    ).toEqual([]);
    expect(
      sources.filter((source) => source.startsWith('electron/cli/commands/') && !source.endsWith('/list.ts')),
    ).toEqual([]);
  });

  it('checks a draft command’s input against the library’s calls alone: the rest of the contract’s schemas do not load', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    for (const args of [
      ['drafts', 'show', id],
      ['drafts', 'list', '--json'],
    ]) {
      const sources = await sourcesOf(await modulesLoadedBy(data, args));
      expect(sources).toContain('shared/libraryCalls.ts');
      expect(
        sources.filter((source) =>
          /^shared\/(contract|model\/(account|themeSnapshot|clipboard|blogFeatures))\.ts$/.test(source),
        ),
      ).toEqual([]);
    }
  });

  it('loads SQLite only for a search: showing or listing drafts reads the documents alone', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const sqlite = (loaded: readonly string[]) => loaded.filter((url) => url.includes('/node_modules/libsql/'));
    expect(sqlite(await modulesLoadedBy(data, ['drafts', 'show', id]))).toEqual([]);
    expect(sqlite(await modulesLoadedBy(data, ['drafts', 'list', '--json']))).toEqual([]);
    expect(sqlite(await modulesLoadedBy(data, ['drafts', 'list', '--json', '--search', 'peshmerga']))).not.toEqual([]);
  });

  it('loads the media library and sharp only for a draft that has images', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const media = async (args: string[]) => {
      const loaded = await modulesLoadedBy(data, args);
      const sources = await sourcesOf(loaded);
      return [
        ...loaded.filter((url) => url.includes('/node_modules/sharp/')),
        ...sources.filter((source) => source.startsWith('electron/core/media/')),
      ];
    };
    expect(await media(['drafts', 'show', id, '--json'])).toEqual([]);
    const photo = path.join(data, 'photo.png');
    await writeFile(photo, await sampleImage('png', 40, 30));
    expect((await runCli(data, ['media', 'add', id, photo, '--alt', 'A photo'])).code).toBe(0);
    expect(await media(['drafts', 'show', id, '--json'])).not.toEqual([]);
  });

  it('takes a package’s default export only from packages whose require() answers that export itself', async () => {
    // A CommonJS chunk takes a default as Node does (the whole of what require() answers), which is
    // wrong for an ES module required or a build flagged __esModule: such packages are bundled.
    const used = new Set<string>();
    for (const name of await readdir(BUILT_CLI)) {
      if (!name.endsWith('.cjs')) continue;
      const code = await readFile(path.join(BUILT_CLI, name), 'utf8');
      for (const [, binding = '', from = ''] of code.matchAll(
        /let (\w+) = require\("([^".][^"]*)"\);\n\1 = require_rolldown_runtime\.__toESM\(\1, 1\);/g,
      )) {
        if (!from.startsWith('node:') && code.includes(`${binding}.default`)) used.add(from);
      }
      for (const [, from = ''] of code.matchAll(/__toESM\(require\("([^".][^"]*)"\), 1\)/g)) used.add(from);
    }
    // The check can tell: these are taken by default, and answer it themselves.
    expect([...used]).toEqual(expect.arrayContaining(['libsql', 'sanitize-html', 'sharp']));
    const required = createRequire(path.join(ROOT, 'package.json'));
    const wrong: string[] = [];
    for (const from of used) {
      const taken = required(from) as Record<string, unknown> | undefined;
      const meant = ((await import(from)) as { default?: unknown }).default;
      const fits =
        typeof meant === 'function'
          ? typeof taken === 'function'
          : typeof meant === 'object' &&
            meant !== null &&
            Object.entries(meant).every(([key, value]) => typeof taken?.[key] === typeof value);
      if (!fits) wrong.push(from);
    }
    expect(wrong).toEqual([]);
  });

  it('loads the publishing code for the commands that reach blogs (so the check above can tell)', async () => {
    const data = await newFolder();
    const sources = await sourcesOf(await modulesLoadedBy(data, ['accounts', 'list', '--json']));
    expect(sources.some((source) => source.startsWith('electron/core/publishing/'))).toBe(true);
  });
});
