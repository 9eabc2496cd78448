import path from 'node:path';
import type { CallInput } from '../../../../shared/contract';
import { defaultAccountOptions, type AccountKind, type AccountOptions } from '../../../../shared/model/account';
import type { AttributionStyle } from '../../../../shared/model/accountChoices';
import type { PostFormat, SiteFlavour } from '../../../../shared/model/staticSite';
import { UsageError, type ServicesContext } from '../../context';
import { readSecret } from './secret';

export interface AddAccountOptions {
  readonly kind: AccountKind;
  readonly url?: string;
  /** A static site: its folder, generator, body format, remote, and a custom site's layout. */
  readonly path?: string;
  readonly flavour?: SiteFlavour;
  readonly format?: PostFormat;
  readonly remote?: string;
  readonly postsFolder?: string;
  readonly fileName?: string;
  readonly permalink?: string;
  readonly draftField?: 'draft' | 'published';
  readonly user?: string;
  readonly secretEnv?: string;
  readonly secretStdin?: boolean;
  readonly hashtagsInTitle?: boolean;
  readonly attribution: AttributionStyle;
  readonly linkToPassage?: boolean;
  /** Checked by the core (see AccountOptionsSchema): a number out of bounds, or not a number, is refused with why. */
  readonly maxImageSide?: number;
}

/** `accounts add`: a blog. The secret comes from an environment variable or standard input, never the command line. */
export async function run(context: ServicesContext, options: AddAccountOptions): Promise<void> {
  const blogOptions: AccountOptions = {
    hashtagsInTitle: options.hashtagsInTitle === true,
    attribution: options.attribution,
    linkToPassage: options.linkToPassage === true,
    maxImageSide: options.maxImageSide ?? defaultAccountOptions.maxImageSide,
  };
  const account =
    options.kind === 'static'
      ? await context.call('addAccount', await staticSite(options, blogOptions))
      : await context.call('addAccount', {
          kind: options.kind,
          address: required(options.url, '--url'),
          user: options.user ?? '',
          // Blogger has no password: the writer signs in to Google in the browser (see openBrowser in the context).
          secret: options.kind === 'blogger' ? '' : await readSecret(options),
          options: blogOptions,
        });
  const vault = await context.call('vaultInfo', {});
  context.out(account.id);
  if (account.kind === 'static') {
    const { site } = account;
    const pushed = site.remote === null ? 'committed, not pushed (no remote)' : `pushed to ${site.remote.url}`;
    process.stderr.write(
      `Added “${account.blogName}”: posts go to ${site.layout.folder}/ in ${site.folder} on branch ${site.branch}, ${pushed}, by ${account.userName}. ${vault.description}\n`,
    );
    return;
  }
  process.stderr.write(
    `Added “${account.blogName}” as ${account.userName}${account.canPublish ? '' : ' (may submit posts for review only)'}. ${vault.description}\n`,
  );
}

/** A static site's account: the secret is asked for only when a remote is given and a way to pass it is named. */
async function staticSite(options: AddAccountOptions, blogOptions: AccountOptions): Promise<CallInput<'addAccount'>> {
  const givesSecret = options.secretEnv !== undefined || options.secretStdin === true;
  const layout = {
    ...(options.postsFolder === undefined ? {} : { folder: options.postsFolder }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    ...(options.permalink === undefined ? {} : { permalink: options.permalink }),
    ...(options.draftField === undefined ? {} : { draftField: options.draftField }),
  };
  return {
    kind: 'static',
    folder: path.resolve(required(options.path, '--path')),
    flavour: required(options.flavour, '--flavour'),
    format: options.format ?? 'html',
    layout,
    remote: options.remote ?? null,
    address: options.url ?? null,
    user: options.user ?? '',
    secret: options.remote !== undefined && givesSecret ? await readSecret(options) : '',
    options: blogOptions,
  };
}

function required<T>(value: T | undefined, option: string): T {
  if (value === undefined) throw new UsageError(`${option} is needed for this kind of blog.`);
  return value;
}
