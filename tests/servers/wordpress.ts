import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import { startProcessGroup, type ProcessGroup } from './processGroup';

/** A throwaway WordPress on 127.0.0.1, with an admin and an Application Password for the tests. */
export interface WordPressServer {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly applicationPassword: string;
  /** A second user, with the contributor role: may write posts but not publish them. */
  readonly contributor: { readonly user: string; readonly applicationPassword: string };
  /** How long it took from nothing to a WordPress answering its REST API. */
  readonly startMilliseconds: number;
  stop(): Promise<void>;
}

const run = promisify(execFile);
const templates = fileURLToPath(new URL('./wordpress/', import.meta.url));
const WORDPRESS_ROOT = '/usr/share/wordpress';
const CONFIG_FOLDER = '/etc/wordpress';
const needed = [
  `${WORDPRESS_ROOT}/wp-load.php`,
  '/usr/bin/php',
  '/usr/sbin/mariadbd',
  '/usr/bin/mariadb-install-db',
  '/usr/bin/mariadb',
];

/** Why WordPress cannot run on this machine, or null when it can. */
export function wordPressMissing(files: readonly string[] = needed): string | null {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return `WordPress test server not available (missing ${missing.join(', ')}); install the packages listed in .ci/run.`;
  }
  try {
    accessSync(CONFIG_FOLDER, constants.W_OK);
  } catch {
    return `WordPress test server not available: ${CONFIG_FOLDER} is not writable by this user.`;
  }
  return null;
}

/**
 * For integration tests: null when WordPress can run, else the reason to skip, printed. In CI
 * (CI=true) a missing WordPress fails the run instead, so the suite can never pass by skipping.
 */
export function wordPressSkipReason(
  missing: string | null = wordPressMissing(),
  environment: NodeJS.ProcessEnv = process.env,
): string | null {
  if (missing === null) return null;
  if (environment['CI'] === 'true') throw new Error(`${missing} (CI=true requires it)`);
  console.warn(`Skipping: ${missing}`);
  return missing;
}

/** Brings up MariaDB on a fresh data folder and WordPress under `php -S`, installed and ready. */
export async function startWordPress(): Promise<WordPressServer> {
  const started = performance.now();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-wordpress-'));
  const configName = `commonplace-test-${randomBytes(6).toString('hex')}`;
  const configFile = path.join(CONFIG_FOLDER, `config-${configName}.php`);
  // Each instance keeps its uploads apart, where the web server serves them as files.
  const uploads = `wp-content/uploads/${configName}`;
  const uploadsFolder = path.join(WORDPRESS_ROOT, uploads);
  const groups: ProcessGroup[] = [];
  const leftovers = [configFile, folder, uploadsFolder];
  const removeLeftovers = (): void => {
    for (const leftover of leftovers) rmSync(leftover, { recursive: true, force: true });
  };
  // A test run that exits without stop() must not leave a config behind in /etc/wordpress.
  process.once('exit', removeLeftovers);
  async function stop(): Promise<void> {
    await Promise.all(groups.splice(0).map((group) => group.stop()));
    await rm(configFile, { force: true });
    await rm(folder, { recursive: true, force: true });
    await rm(uploadsFolder, { recursive: true, force: true });
    process.removeListener('exit', removeLeftovers);
  }
  try {
    const databasePort = await freePort();
    groups.push(await startDatabase(folder, databasePort));
    const url = `http://127.0.0.1:${await freePort()}`;
    await writeConfig(configFile, { url, databasePort, uploads, secret: randomBytes(24).toString('hex') });
    const user = 'writer';
    const password = randomBytes(12).toString('hex');
    const { stdout } = await run('php', [path.join(templates, 'install.php'), configName, url, user, password], {
      cwd: folder,
    });
    const { applicationPassword, contributorApplicationPassword } = JSON.parse(stdout) as {
      applicationPassword: string;
      contributorApplicationPassword: string;
    };
    const contributor = { user: 'contributor', applicationPassword: contributorApplicationPassword };
    groups.push(startWebServer(folder, url, configName));
    await waitFor(() => answers(`${url}/?rest_route=/`), `WordPress at ${url}`, folder);
    return {
      url,
      user,
      password,
      applicationPassword,
      contributor,
      startMilliseconds: performance.now() - started,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startDatabase(folder: string, port: number): Promise<ProcessGroup> {
  const dataFolder = path.join(folder, 'mysql');
  const socket = path.join(folder, 'mysql.sock');
  // Its own temp folder: two installs at once in /tmp collide on MariaDB's temporary table names.
  const temporary = path.join(folder, 'tmp');
  await mkdir(temporary);
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${dataFolder}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    `--tmpdir=${temporary}`,
  ]);
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  // --no-defaults must come first, or mariadbd reads the machine's my.cnf.
  const database = startProcessGroup(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      ...asRoot,
      `--datadir=${dataFolder}`,
      '--bind-address=127.0.0.1',
      `--port=${port}`,
      `--socket=${socket}`,
      `--pid-file=${path.join(folder, 'mysql.pid')}`,
      `--tmpdir=${temporary}`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
    ],
    { env: process.env, logFile: path.join(folder, 'mariadb.log') },
  );
  const client = ['--no-defaults', '--user=root', `--socket=${socket}`];
  await waitFor(
    async () => {
      await run('mariadb', [...client, '--execute=CREATE DATABASE IF NOT EXISTS wordpress']);
      return true;
    },
    'MariaDB',
    folder,
  );
  return database;
}

async function writeConfig(
  file: string,
  values: { readonly url: string; readonly databasePort: number; readonly uploads: string; readonly secret: string },
): Promise<void> {
  const template = await readFile(path.join(templates, 'config.php.template'), 'utf8');
  const config = template
    .replaceAll('{{url}}', values.url)
    .replaceAll('{{databasePort}}', String(values.databasePort))
    .replaceAll('{{uploads}}', values.uploads)
    .replaceAll('{{secret}}', values.secret);
  await writeFile(file, config, { mode: 0o644 });
}

function startWebServer(folder: string, url: string, configName: string): ProcessGroup {
  const address = new URL(url).host;
  return startProcessGroup('php', ['-S', address, '-t', WORDPRESS_ROOT, path.join(templates, 'router.php')], {
    // One worker deadlocks when WordPress requests itself; the router passes the config name on.
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4', COMMONPLACE_WORDPRESS_CONFIG: configName },
    logFile: path.join(folder, 'php.log'),
    cwd: folder,
  });
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return response.ok;
}

/** Polls `ready` until it returns true; on timeout the server's logs go into the error. */
async function waitFor(ready: () => Promise<boolean>, what: string, folder: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await ready()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const logs = await Promise.all(
    ['mariadb.log', 'php.log'].map((name) => readFile(path.join(folder, name), 'utf8').catch(() => '')),
  );
  throw new Error(`${what} did not start in 30 s: ${String(last)}\n${logs.join('\n').slice(-4_000)}`);
}
