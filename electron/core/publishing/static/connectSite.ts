import { stat } from 'node:fs/promises';
import path from 'node:path';
import git, { Errors } from 'isomorphic-git';
import { z } from 'zod';
import type { NewStaticAccount } from '../../../../shared/model/account';
import {
  SiteLayoutSchema,
  StaticSiteSchema,
  type SiteFlavour,
  type SiteLayout,
} from '../../../../shared/model/staticSite';
import { AppError } from '../../../../shared/result';
import type { Transport } from '../blogAdapter';
import type { VerifiedAccount } from '../verifyAccount';
import { gitAuthor } from './gitAuthor';
import { durableGitFs } from './gitFs';
import { gitHttpClient } from './gitHttpClient';
import { guessFlavour, readSiteSettings } from './siteConfig';
import { customLayoutDefault, layoutPresets } from './siteLayouts';
import { SiteRemote } from './siteRemote';
import { joinPath } from './siteRepository';

/** How to reach a static site: its repository and layout, its address, and who commits. The secret (the remote's token) is in the vault. */
export const StaticConnectionSchema = z.strictObject({
  kind: z.literal('static'),
  site: StaticSiteSchema,
  siteUrl: z.url(),
  author: z.strictObject({ name: z.string().min(1), email: z.string() }),
  /** The user name the remote takes with the token ("git" when none was given). */
  user: z.string(),
});
export type StaticConnection = z.infer<typeof StaticConnectionSchema>;

/** Where a generator serves a site on the writer's machine, when the site does not say its address. */
const localAddresses: Readonly<Record<SiteFlavour, string>> = {
  hugo: 'http://localhost:1313/',
  jekyll: 'http://localhost:4000/',
  custom: 'http://localhost/',
};

/**
 * Adds a static site from what the writer gives: checks the folder is a site of that flavour,
 * makes it a git repository when it is not one yet, fixes the layout, and checks that the remote
 * answers and takes the credentials before anything about it is stored or changed.
 */
export async function connectStaticSite(
  input: NewStaticAccount,
  transport: Transport,
): Promise<{ readonly connection: StaticConnection; readonly verified: VerifiedAccount }> {
  const siteFolder = await existingFolder(input.folder);
  if (input.flavour !== 'custom' && (await guessFlavour(siteFolder)) !== input.flavour) {
    const wanted = input.flavour === 'hugo' ? 'Hugo configuration (hugo.toml or config.toml)' : 'Jekyll _config.yml';
    throw new AppError('invalid-input', `${siteFolder} has no ${wanted}: is it the site's folder?`);
  }
  const root = await repositoryRoot(siteFolder);
  const branch = await git.currentBranch({ fs: durableGitFs, dir: root, fullname: false });
  if (branch === undefined) {
    throw new AppError(
      'invalid-input',
      `The repository in ${root} is not on a branch (HEAD is detached): check out the branch the site is built from.`,
    );
  }
  const settings = await readSiteSettings(siteFolder, input.flavour);
  const layout = siteLayout(input, path.relative(root, siteFolder).split(path.sep).join('/'), settings.permalink);
  const user = input.user === '' ? 'git' : input.user;
  const remote = input.remote === null ? null : await connectRemote(root, input.remote, user, input.secret, transport);
  const author = await gitAuthor(root);
  const connection: StaticConnection = {
    kind: 'static',
    site: { folder: root, flavour: input.flavour, layout, format: input.format, branch, remote },
    siteUrl: input.address ?? settings.siteUrl ?? localAddresses[input.flavour],
    author,
    user,
  };
  return {
    connection,
    verified: { blogName: settings.title ?? path.basename(siteFolder), userName: author.name, canPublish: true },
  };
}

function siteLayout(input: NewStaticAccount, prefix: string, permalink: string | null): SiteLayout {
  const preset = input.flavour === 'custom' ? customLayoutDefault : layoutPresets[input.flavour];
  const chosen = { ...preset, ...(permalink === null ? {} : { permalink }), ...input.layout };
  const media = chosen.media ?? preset.media;
  const parsed = SiteLayoutSchema.safeParse({
    ...chosen,
    folder: joinPath(prefix, chosen.folder ?? preset.folder),
    media: { ...media, folder: joinPath(prefix, media.folder) },
  });
  if (!parsed.success) {
    throw new AppError(
      'invalid-input',
      `The site's layout is not usable: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`,
    );
  }
  return parsed.data;
}

async function existingFolder(folder: string): Promise<string> {
  if (!path.isAbsolute(folder))
    throw new AppError('invalid-input', `The site's folder must be a full path; ${folder} is not.`);
  const resolved = path.resolve(folder);
  try {
    if ((await stat(resolved)).isDirectory()) return resolved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  throw new AppError('invalid-input', `${resolved} is not a folder on this computer.`);
}

/** The repository the folder belongs to; a site that is not in one yet gets its own, on branch main. */
async function repositoryRoot(folder: string): Promise<string> {
  try {
    return await git.findRoot({ fs: durableGitFs, filepath: folder });
  } catch (error) {
    if (!(error instanceof Errors.NotFoundError)) throw error;
  }
  await git.init({ fs: durableGitFs, dir: folder, defaultBranch: 'main' });
  return folder;
}

/** Checks the remote, then names it in the repository (reusing a remote that has its address). */
async function connectRemote(
  root: string,
  url: string,
  user: string,
  secret: string,
  transport: Transport,
): Promise<{ name: string; url: string }> {
  const credentials = secret === '' ? null : { username: user, password: secret };
  await new SiteRemote({ name: 'origin', url, credentials, http: gitHttpClient(transport) }).verify();
  const remotes = await git.listRemotes({ fs: durableGitFs, dir: root });
  const existing = remotes.find((remote) => remote.url === url);
  if (existing) return { name: existing.remote, url };
  const name = remotes.some((remote) => remote.remote === 'origin') ? 'commonplace' : 'origin';
  await git.addRemote({ fs: durableGitFs, dir: root, remote: name, url, force: true });
  return { name, url };
}
