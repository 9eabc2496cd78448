import type { ThemeSnapshot } from '../../../../shared/model/themeSnapshot';
import { AppError } from '../../../../shared/result';
import { themedDraftDocument } from '../../../../shared/theme/themedDraft';
import { LibraryLockedError } from '../../../core/lock/lockMessages';
import type { ServicesContext } from '../../context';
import { openServicesContext } from '../../servicesContext';

/** `drafts render ID --themed ACCOUNT`: the whole page as on that blog, in its theme (what the themed preview shows). */
export async function run(context: ServicesContext, id: string, options: { themed: string }): Promise<void> {
  const draft = await context.call('getDraft', { id });
  const account = await context
    .call('listAccounts', {})
    .then((accounts) => accounts.find((each) => each.id === options.themed));
  if (!account)
    throw new AppError('not-found', `There is no blog account with id ${options.themed} (see "accounts list").`);
  const snapshot = await themeSnapshotOf(context, account.id);
  process.stdout.write(themedDraftDocument(draft, account.options, snapshot));
}

/**
 * The blog's kept theme snapshot; when there is none, one is taken from the blog and kept, or,
 * while the app holds the library, taken and used without being kept.
 */
async function themeSnapshotOf(context: ServicesContext, accountId: string): Promise<ThemeSnapshot> {
  const kept = await context.call('getThemeSnapshot', { accountId }).catch((error: unknown) => {
    if (error instanceof AppError && error.kind === 'not-found') return null;
    throw error;
  });
  if (kept) return kept;
  let writer: Awaited<ReturnType<typeof openServicesContext>>;
  try {
    writer = await openServicesContext(context.dataFolder, {
      access: { mode: 'write', program: { kind: 'cli', command: 'drafts render' } },
      online: false,
      servesBrowser: false,
    });
  } catch (error) {
    if (!(error instanceof LibraryLockedError)) throw error;
    process.stderr.write(
      'Commonplace is open on this library: the theme snapshot is used for this page only, not kept.\n',
    );
    return context.services.themes.takeWithoutKeeping(accountId);
  }
  try {
    await writer.call('takeThemeSnapshot', { accountId });
    return await writer.call('getThemeSnapshot', { accountId });
  } finally {
    await writer.close();
  }
}
