import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { durableGitFs } from './gitFs';
import type { GitPerson } from './siteRepository';

/** Who commits are by when git is told nothing: the app itself, plainly. */
export const fallbackAuthor: GitPerson = { name: 'Commonplace', email: 'commonplace@localhost' };

/**
 * The writer as git knows them: user.name and user.email of the repository, else of the user's
 * ~/.gitconfig (isomorphic-git reads only the repository's own configuration), else the app.
 */
export async function gitAuthor(folder: string, home: string = os.homedir()): Promise<GitPerson> {
  const local = {
    name: await configValue(folder, 'user.name'),
    email: await configValue(folder, 'user.email'),
  };
  const global = await globalUser(path.join(home, '.gitconfig'));
  const name = local.name ?? global.name ?? fallbackAuthor.name;
  const email = local.email ?? global.email ?? fallbackAuthor.email;
  return { name, email };
}

async function configValue(folder: string, key: string): Promise<string | null> {
  const value: unknown = await git.getConfig({ fs: durableGitFs, dir: folder, path: key });
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The [user] section of a git config file: only plain `name =` and `email =` lines are read. */
async function globalUser(file: string): Promise<{ name: string | null; email: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { name: null, email: null };
  }
  const found: { name: string | null; email: string | null } = { name: null, email: null };
  let inUser = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]/.exec(line);
    if (section) inUser = section[1]?.trim().toLowerCase() === 'user';
    const entry = /^\s*(name|email)\s*=\s*"?([^"#;]*)"?/i.exec(line);
    if (inUser && entry?.[1] && entry[2] !== undefined) {
      const value = entry[2].trim();
      if (value !== '') found[entry[1].toLowerCase() === 'name' ? 'name' : 'email'] = value;
    }
  }
  return found;
}
