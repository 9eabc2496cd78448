import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { AppError } from '../../shared/result';
import { resolveDataFolder } from '../core/dataFolder';
import { createDraft, listDrafts, renderDraft, showDraft } from './commands/drafts';
import { serve } from './commands/serve';
import { openCliContext, type CliContext } from './context';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0–65535.');
  return port;
}

function buildProgram(): Command {
  const program = new Command('commonplace')
    .description('Commonplace: draft commentary on quoted excerpts, and publish it to your blogs.')
    .option('--data <dir>', 'the library folder (default: $COMMONPLACE_DATA, else the app data folder)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const withContext =
    <Args extends unknown[]>(action: (context: CliContext, ...args: Args) => Promise<void>) =>
    async (...args: Args): Promise<void> => {
      const context = await openCliContext(resolveDataFolder(program.opts<{ data?: string }>().data));
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
    .action(withContext((context, options: { json?: boolean }) => listDrafts(context, options)));
  drafts
    .command('create')
    .description('create a draft from a JSON file shaped like examples/reblog-post.json; prints its id')
    .requiredOption('--from <file>', 'the JSON file')
    .action(withContext((context, options: { from: string }) => createDraft(context, options)));
  drafts
    .command('show')
    .argument('<id>')
    .description('show one draft')
    .option('--json', 'print JSON')
    .action(withContext((context, id: string, options: { json?: boolean }) => showDraft(context, id, options)));
  drafts
    .command('render')
    .argument('<id>')
    .description("print the post's HTML: what the preview shows and publishing sends")
    .action(withContext((context, id: string) => renderDraft(context, id)));

  program
    .command('serve')
    .description('run the app in a browser: the dev host on 127.0.0.1; prints its address with the token')
    .option('--port <n>', 'the port (default: any free one)', portNumber)
    .action(withContext((context, options: { port?: number }) => serve(context, options)));

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

process.exitCode = await main(process.argv.slice(2));
