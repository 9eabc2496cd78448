import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DraftStatusSchema } from '../../shared/model/draft';
import { attributionStyles } from '../../shared/render/quote';
import { AppError } from '../../shared/result';
import { resolveDataFolder } from '../core/dataFolder';
import { keepRunningThroughStrayErrors } from '../core/shell/strayErrors';
import type { LibraryAccess } from '../core/services';
import {
  createDraft,
  emptyTrash,
  listDrafts,
  listRevisions,
  listTags,
  renderDraft,
  restoreDraft,
  restoreRevision,
  showDraft,
  trashDraft,
  type ListOptions,
} from './commands/drafts';
import {
  accountKinds,
  addAccount,
  listAccounts,
  removeAccount,
  snapshotAccount,
  type AddAccountOptions,
} from './commands/accounts';
import { drainOutbox, listOutbox, publishDraft, type PublishOptions } from './commands/publish';
import { addMedia, type MediaAddOptions } from './commands/media';
import { importQuote, openQuoteLink } from './commands/quotes';
import { serve } from './commands/serve';
import { logError, openCliContext, type CliContext } from './context';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

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

/**
 * What a command needs of the library. `reads`: opened read-only, so it works while the app is
 * open. `changes`: holds the library's lock, so it is refused while the app is open. `publishes`:
 * the same, and the outbox may reach blogs. `serves`: the dev host, holding the lock until it stops.
 */
type Needs = 'reads' | 'changes' | 'publishes' | 'serves';

function accessFor(needs: Needs, command: Command): LibraryAccess {
  if (needs === 'reads') return { mode: 'read' };
  if (needs === 'serves') return { mode: 'write', program: { kind: 'dev-host' } };
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

function buildProgram(): Command {
  const program = new Command('commonplace')
    .description('Commonplace: draft commentary on quoted excerpts, and publish it to your blogs.')
    .option('--data <dir>', 'the library folder (default: $COMMONPLACE_DATA, else the app data folder)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const withContext =
    <Args extends unknown[]>(needs: Needs, action: (context: CliContext, ...args: Args) => Promise<void>) =>
    async (...args: Args): Promise<void> => {
      // Commander passes the command itself last.
      const command = args.at(-1);
      if (!(command instanceof Command)) throw new AppError('internal', 'The command could not be told apart.');
      const context = await openCliContext(resolveDataFolder(program.opts<{ data?: string }>().data), {
        access: accessFor(needs, command),
        online: needs === 'publishes' || needs === 'serves',
        servesBrowser: needs === 'serves',
      });
      try {
        await action(context, ...args);
      } finally {
        await context.services.close();
      }
    };

  const drafts = program.command('drafts').description('the drafts in the library');
  drafts
    .command('list')
    .description('list the drafts, most recently updated first')
    .option('--json', 'print JSON')
    .option('--search <words>', 'only drafts containing every word')
    .option('--tag <tag>', 'only drafts with this hashtag')
    .addOption(new Option('--status <status>', 'only drafts in this state').choices(DraftStatusSchema.options))
    .option('--trash', 'list the trash instead')
    .action(withContext('reads', (context, options: ListOptions) => listDrafts(context, options)));
  drafts
    .command('create')
    .description('create a draft from a JSON file shaped like examples/reblog-post.json; prints its id')
    .requiredOption('--from <file>', 'the JSON file')
    .action(withContext('changes', (context, options: { from: string }) => createDraft(context, options)));
  drafts
    .command('show')
    .argument('<id>')
    .description('show one draft')
    .option('--json', 'print JSON')
    .action(
      withContext('reads', (context, id: string, options: { json?: boolean }) => showDraft(context, id, options)),
    );
  drafts
    .command('render')
    .argument('<id>')
    .description("print the post's HTML: what the preview shows and publishing sends")
    .option('--themed <account>', 'print the whole page as on that blog, in its theme (what the themed preview shows)')
    .action(
      withContext('reads', (context, id: string, options: { themed?: string }) => renderDraft(context, id, options)),
    );

  drafts
    .command('trash')
    .argument('<id>')
    .description('move a draft to the trash')
    .action(withContext('changes', (context, id: string) => trashDraft(context, id)));
  drafts
    .command('restore')
    .argument('<id>')
    .description('take a draft out of the trash')
    .action(withContext('changes', (context, id: string) => restoreDraft(context, id)));
  drafts
    .command('empty-trash')
    .description('delete every trashed draft for good')
    .action(withContext('changes', (context) => emptyTrash(context)));
  drafts
    .command('revisions')
    .argument('<id>')
    .description("list a draft's earlier revisions, newest first")
    .option('--json', 'print JSON')
    .action(
      withContext('reads', (context, id: string, options: { json?: boolean }) => listRevisions(context, id, options)),
    );
  drafts
    .command('restore-revision')
    .argument('<id>')
    .argument('<revision>', 'the revision number', revisionNumber)
    .description('bring an earlier revision back as the newest')
    .action(withContext('changes', (context, id: string, revision: number) => restoreRevision(context, id, revision)));

  const quotes = program.command('quotes').description('quotes from the clipboard or a link');
  quotes
    .command('open')
    .argument('<link>', 'a commonplace://quote?url=…&title=…&text=… link')
    .description('make a new draft from a commonplace:// quote link; prints its id')
    .action(withContext('changes', (context, link: string) => openQuoteLink(context, link)));
  quotes
    .command('import')
    .argument('<id>', 'the draft to add the quote to')
    .requiredOption('--clipboard <file>', 'a JSON file of clipboard formats: {"formats": {"text/html": "…"}}')
    .description('add a quote to a draft from clipboard formats; prints the quote as JSON')
    .action(
      withContext('changes', (context, id: string, options: { clipboard: string }) =>
        importQuote(context, id, options),
      ),
    );

  const media = program.command('media').description('images in drafts');
  media
    .command('add')
    .argument('<id>', 'the draft')
    .argument('<file>', 'a JPEG, PNG, WebP, GIF or HEIC file')
    .option('--alt <text>', 'the alt text: what the image shows, for readers who cannot see it')
    .option('--featured', 'make it the featured image instead of adding it to the commentary')
    .description('add an image to a draft (decoded, upright, without metadata); prints it as JSON')
    .action(
      withContext('changes', (context, id: string, file: string, options: MediaAddOptions) =>
        addMedia(context, id, file, options),
      ),
    );

  const accounts = program.command('accounts').description('the blogs you publish to');
  accounts
    .command('add')
    .description('add a blog: finds its API, checks the credentials; prints the account id')
    .addOption(new Option('--kind <kind>', 'the blog’s protocol').choices(accountKinds).makeOptionMandatory())
    .requiredOption('--url <url>', 'the blog’s address')
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
    .action(withContext('changes', (context, options: AddAccountOptions) => addAccount(context, options)));
  accounts
    .command('list')
    .description('list the blogs')
    .option('--json', 'print JSON')
    .action(withContext('reads', (context, options: { json?: boolean }) => listAccounts(context, options)));
  accounts
    .command('snapshot')
    .argument('<id>')
    .description("take the blog's theme again from one of its published posts, for the themed preview")
    .option('--json', 'print JSON')
    .action(
      withContext('changes', (context, id: string, options: { json?: boolean }) =>
        snapshotAccount(context, id, options),
      ),
    );
  accounts
    .command('remove')
    .argument('<id>')
    .description('remove a blog and its secret')
    .action(withContext('changes', (context, id: string) => removeAccount(context, id)));

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
    .action(
      withContext('publishes', (context, id: string, options: PublishOptions) => publishDraft(context, id, options)),
    );

  const outbox = program.command('outbox').description('remote writes waiting to go out');
  outbox
    .command('list')
    .description('list the outbox')
    .option('--json', 'print JSON')
    .action(withContext('reads', (context, options: { json?: boolean }) => listOutbox(context, options)));
  outbox
    .command('drain')
    .description('try every pending entry once, now; exit 0 when nothing is left pending')
    .option('--json', 'print JSON')
    .action(withContext('publishes', (context, options: { json?: boolean }) => drainOutbox(context, options)));

  program
    .command('tags')
    .description('the hashtags in use, with how many drafts use each')
    .option('--json', 'print JSON')
    .action(withContext('reads', (context, options: { json?: boolean }) => listTags(context, options)));

  program
    .command('serve')
    .description('run the app in a browser: the dev host on 127.0.0.1; prints its address with the token')
    .option('--port <n>', 'the port (default: any free one)', portNumber)
    .action(withContext('serves', (context, options: { port?: number }) => serve(context, options)));

  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return helpShown || error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`commonplace: ${message.split('\n')[0]}\n`);
    return EXIT_FAILED;
  }
}

// A failure in background work is reported on stderr; the command (or `serve`) carries on.
keepRunningThroughStrayErrors(process, logError);
process.exitCode = await main(process.argv.slice(2));
