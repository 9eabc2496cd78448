import { Command, InvalidArgumentError, Option } from 'commander';
import {
  accountKinds,
  attributionStyles,
  imageSides,
  postFormats,
  siteFlavours,
} from '../../shared/model/accountChoices';
import { exportFormats } from '../../shared/model/archiveChoices';
import { draftStatuses } from '../../shared/model/status';
import { AppError } from '../../shared/result';
import { resolveDataFolder } from '../core/dataFolder';
import type { LibraryAccess } from '../core/openLibrary';
import type { LibraryContext, ServicesContext } from './context';

/**
 * What a command does to the library. `reads`: opens it read-only, so it works while the app is
 * open. `changes`: holds the library's lock, so it is refused while the app is open. `publishes`:
 * the same, and the outbox may reach blogs. `serves`: the dev host, holding the lock until it stops.
 */
type Access = 'reads' | 'changes' | 'publishes' | 'serves';

/** A command's module: loaded only when that command runs, so each command loads only what it uses. */
interface CommandModule<Context, Args extends unknown[]> {
  run(context: Context, ...args: Args): Promise<void>;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0–65535.');
  return port;
}

function revisionNumber(value: string): number {
  const revision = Number(value);
  if (!Number.isInteger(revision) || revision < 0) throw new InvalidArgumentError('a revision is a whole number.');
  return revision;
}

/** A number of pixels as typed; its bounds are the core's to check (AccountOptionsSchema), which says them. */
function pixels(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new InvalidArgumentError('a number of pixels is a whole number, such as 1600.');
  return Number(value);
}

function accessFor(access: Access, command: Command): LibraryAccess {
  if (access === 'reads') return { mode: 'read' };
  if (access === 'serves') return { mode: 'write', program: { kind: 'dev-host' } };
  return { mode: 'write', program: { kind: 'cli', command: commandPath(command) } };
}

/** "drafts create": the words that name the command after `commonplace`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  let current = command;
  while (current.parent) {
    names.unshift(current.name());
    current = current.parent;
  }
  return names.join(' ');
}

/** Commander passes the command itself after the arguments and options. */
function commandOf(args: readonly unknown[]): Command {
  const command = args.at(-1);
  if (!(command instanceof Command)) throw new AppError('internal', 'The command could not be told apart.');
  return command;
}

/**
 * The command tree: every command's words, arguments, options and help, and the module that runs
 * it. Only commander and this file load before a command runs; `--help` loads nothing more.
 */
export function buildProgram(): Command {
  const program = new Command('commonplace')
    .description('Commonplace: draft commentary on quoted excerpts, and publish it to your blogs.')
    .option('--data <dir>', 'the library folder (default: $COMMONPLACE_DATA, else the app data folder)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const dataFolder = () => resolveDataFolder(program.opts<{ data?: string }>().data);

  /** A command on the drafts alone: it opens the library and none of the accounts, outbox or publishing code. */
  const onLibrary =
    <Args extends unknown[]>(access: 'reads' | 'changes', load: () => Promise<CommandModule<LibraryContext, Args>>) =>
    // Commander passes the command itself after the arguments and options.
    async (...args: [...Args, ...unknown[]]): Promise<void> => {
      const [{ openLibraryContext }, module] = await Promise.all([import('./libraryContext'), load()]);
      const context = await openLibraryContext(dataFolder(), accessFor(access, commandOf(args)));
      try {
        // The command commander adds after them is not among the module's parameters, and is ignored.
        await module.run(context, ...(args as unknown[] as Args));
      } finally {
        await context.close();
      }
    };

  /** A command that needs every service (accounts, the outbox, blogs). */
  const onServices =
    <Args extends unknown[]>(access: Access, load: () => Promise<CommandModule<ServicesContext, Args>>) =>
    async (...args: [...Args, ...unknown[]]): Promise<void> => {
      const [{ openServicesContext }, module] = await Promise.all([import('./servicesContext'), load()]);
      const context = await openServicesContext(dataFolder(), {
        access: accessFor(access, commandOf(args)),
        online: access === 'publishes' || access === 'serves',
        servesBrowser: access === 'serves',
      });
      try {
        // The command commander adds after them is not among the module's parameters, and is ignored.
        await module.run(context, ...(args as unknown[] as Args));
      } finally {
        await context.close();
      }
    };

  const drafts = program.command('drafts').description('the drafts in the library');
  drafts
    .command('list')
    .description('list the drafts, most recently updated first')
    .option('--json', 'print JSON')
    .option('--search <words>', 'only drafts containing every word')
    .option('--tag <tag>', 'only drafts with this hashtag')
    .addOption(new Option('--status <status>', 'only drafts in this state').choices(draftStatuses))
    .option('--trash', 'list the trash instead')
    .action(onLibrary('reads', () => import('./commands/drafts/list')));
  drafts
    .command('create')
    .description('create a draft from a JSON file shaped like examples/reblog-post.json; prints its id')
    .requiredOption('--from <file>', 'the JSON file')
    .action(onLibrary('changes', () => import('./commands/drafts/create')));
  drafts
    .command('show')
    .argument('<id>')
    .description('show one draft')
    .option('--json', 'print JSON')
    .action(onLibrary('reads', () => import('./commands/drafts/show')));
  const renderPlain = onLibrary('reads', () => import('./commands/drafts/render'));
  const renderThemed = onServices('reads', () => import('./commands/drafts/renderThemed'));
  drafts
    .command('render')
    .argument('<id>')
    .description("print the post's HTML: what the preview shows and publishing sends")
    .option('--themed <account>', 'print the whole page as on that blog, in its theme (what the themed preview shows)')
    // Only the themed page needs the accounts (and their blogs): the plain one opens the drafts alone.
    .action((id: string, options: { themed?: string }, command: Command) =>
      options.themed === undefined ? renderPlain(id, command) : renderThemed(id, { themed: options.themed }, command),
    );
  drafts
    .command('trash')
    .argument('<id>')
    .description('move a draft to the trash')
    .action(onLibrary('changes', () => import('./commands/drafts/trash')));
  drafts
    .command('restore')
    .argument('<id>')
    .description('take a draft out of the trash')
    .action(onLibrary('changes', () => import('./commands/drafts/restore')));
  drafts
    .command('empty-trash')
    .description('delete every trashed draft for good')
    .action(onLibrary('changes', () => import('./commands/drafts/emptyTrash')));
  drafts
    .command('revisions')
    .argument('<id>')
    .description("list a draft's earlier revisions, newest first")
    .option('--json', 'print JSON')
    .action(onLibrary('reads', () => import('./commands/drafts/revisions')));
  drafts
    .command('restore-revision')
    .argument('<id>')
    .argument('<revision>', 'the revision number', revisionNumber)
    .description('bring an earlier revision back as the newest')
    .action(onLibrary('changes', () => import('./commands/drafts/restoreRevision')));

  const quotes = program.command('quotes').description('quotes from the clipboard or a link');
  quotes
    .command('open')
    .argument('<link>', 'a commonplace://quote?url=…&title=…&text=… link')
    .description('make a new draft from a commonplace:// quote link; prints its id')
    .action(onLibrary('changes', () => import('./commands/quotes/open')));
  quotes
    .command('import')
    .argument('<id>', 'the draft to add the quote to')
    .requiredOption('--clipboard <file>', 'a JSON file of clipboard formats: {"formats": {"text/html": "…"}}')
    .description('add a quote to a draft from clipboard formats; prints the quote as JSON')
    .action(onServices('changes', () => import('./commands/quotes/import')));

  const media = program.command('media').description('images in drafts');
  media
    .command('add')
    .argument('<id>', 'the draft')
    .argument('<file>', 'a JPEG, PNG, WebP, GIF or HEIC file')
    .option('--alt <text>', 'the alt text: what the image shows, for readers who cannot see it')
    .option('--featured', 'make it the featured image instead of adding it to the commentary')
    .description('add an image to a draft (decoded, upright, without metadata); prints it as JSON')
    .action(onLibrary('changes', () => import('./commands/media/add')));

  const accounts = program.command('accounts').description('the blogs you publish to');
  accounts
    .command('add')
    .description('add a blog: finds its API, checks the credentials; prints the account id')
    .addOption(new Option('--kind <kind>', 'the blog’s protocol').choices(accountKinds).makeOptionMandatory())
    .option(
      '--url <url>',
      'the blog’s address (a static site: where it is served, when its configuration does not say)',
    )
    .option('--path <dir>', 'static: the site’s folder (a git repository, or made one)')
    .addOption(new Option('--flavour <flavour>', 'static: the site’s generator').choices(siteFlavours))
    .addOption(
      new Option('--format <format>', 'static: post files hold the preview’s HTML, or Markdown for the generator')
        .choices(postFormats)
        .default('html'),
    )
    .option('--remote <url>', 'static: the git remote to push to (https)')
    .option('--posts-folder <dir>', 'static: the posts’ folder in the repository (custom sites)')
    .option('--file-name <pattern>', 'static: a post’s file name, with {year} {month} {day} {slug} (custom sites)')
    .option('--permalink <pattern>', 'static: a post’s address on the site, with the same placeholders (custom sites)')
    .addOption(
      new Option('--draft-field <field>', 'static: how a draft is marked: draft: true, or published: false').choices([
        'draft',
        'published',
      ]),
    )
    .option('--user <name>', 'the user name')
    .addOption(
      new Option('--secret-env <variable>', 'read the password or key from this environment variable').conflicts(
        'secretStdin',
      ),
    )
    .option('--secret-stdin', 'read the password or key from standard input')
    .option('--hashtags-in-title', 'also show the hashtags in the post’s title on this blog')
    .addOption(
      new Option('--attribution <style>', 'how quotes are credited on this blog')
        .choices(attributionStyles)
        .default('via'),
    )
    .option('--link-to-passage', 'link each quote’s source at the quoted passage (a text fragment)')
    .option(
      '--max-image-side <pixels>',
      `the longest side of an image as this blog receives it, ${imageSides.min} to ${imageSides.max} pixels (default ${imageSides.default})`,
      pixels,
    )
    .action(onServices('changes', () => import('./commands/accounts/add')));
  accounts
    .command('list')
    .description('list the blogs')
    .option('--json', 'print JSON')
    .action(onServices('reads', () => import('./commands/accounts/list')));
  accounts
    .command('snapshot')
    .argument('<id>')
    .description("take the blog's theme again from one of its published posts, for the themed preview")
    .option('--json', 'print JSON')
    .action(onServices('changes', () => import('./commands/accounts/snapshot')));
  accounts
    .command('update')
    .argument('<id>')
    .description('change a blog’s address, user, secret or name, checked on the blog first; the rest stays')
    .option('--url <url>', 'the blog’s new address')
    .option('--user <name>', 'the new user name')
    .option('--name <name>', 'the name shown for the blog')
    .addOption(
      new Option('--secret-env <variable>', 'read the new password or key from this environment variable').conflicts(
        'secretStdin',
      ),
    )
    .option('--secret-stdin', 'read the new password or key from standard input')
    .action(onServices('changes', () => import('./commands/accounts/update')));
  accounts
    .command('remove')
    .argument('<id>')
    .description('remove a blog and its secret')
    .action(onServices('changes', () => import('./commands/accounts/remove')));

  program
    .command('publish')
    .argument('<id>', 'the draft')
    .requiredOption('--to <account>', 'the account id (see "accounts list")')
    .addOption(
      new Option('--status <status>', 'publish now, as a draft on the blog, or later')
        .choices(['publish', 'draft', 'future'])
        .default('publish'),
    )
    .option('--date <iso>', 'when a "future" post goes live (ISO 8601)')
    .option('--json', 'print JSON')
    .description('publish a draft (or update it) through the outbox: published, or safely queued')
    .action(onServices('publishes', () => import('./commands/publish')));

  const outbox = program.command('outbox').description('remote writes waiting to go out');
  outbox
    .command('list')
    .description('list the outbox')
    .option('--json', 'print JSON')
    .action(onServices('reads', () => import('./commands/outbox/list')));
  outbox
    .command('drain')
    .description('try every pending entry once, now; exit 0 when nothing is left pending')
    .option('--json', 'print JSON')
    .action(onServices('publishes', () => import('./commands/outbox/drain')));

  program
    .command('export')
    .description('write the drafts to a folder: one file each with front matter, and a README')
    .requiredOption('--to <dir>', 'the folder (created when missing; empty, or an earlier export)')
    .addOption(
      new Option('--format <format>', 'Markdown (re-imports exactly) or the preview’s HTML')
        .choices(exportFormats)
        .default('markdown'),
    )
    .option('--drafts <ids>', 'only these drafts (ids separated by commas)')
    .option('--json', 'print JSON')
    .action(onServices('reads', () => import('./commands/archive/export')));
  program
    .command('import')
    .argument('<path>', 'a WordPress export (.xml), a folder of Markdown, or one Markdown file')
    .description('import posts as drafts, linked to their blog when it is an account here; never twice')
    .option('--dry-run', 'only report what would be imported')
    .option('--json', 'print JSON')
    .action(onServices('changes', () => import('./commands/archive/import')));

  program
    .command('tags')
    .description('the hashtags in use, with how many drafts use each')
    .option('--json', 'print JSON')
    .action(onLibrary('reads', () => import('./commands/tags')));

  program
    .command('serve')
    .description('run the app in a browser: the dev host on 127.0.0.1; prints its address with the token')
    .option('--port <n>', 'the port (default: any free one)', portNumber)
    .action(onServices('serves', () => import('./commands/serve')));

  return program;
}
