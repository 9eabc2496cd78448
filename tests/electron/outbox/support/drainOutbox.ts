// The outbox's process for the soak test: opens the library and its outbox (which drains in the
// background), prints its progress, and exits once nothing is pending, unless it is killed first.
import { openLibraryAndOutbox } from '../../../../electron/core/libraryAndOutbox';
import { isPending } from '../../../../electron/core/outbox/queue';
import type { BlogAdapter, Transport } from '../../../../electron/core/publishing/blogAdapter';
import { GhostAdminAdapter } from '../../../../electron/core/publishing/ghost/adminAdapter';
import { MicropubAdapter } from '../../../../electron/core/publishing/micropub/adapter';
import { WordPressRestAdapter } from '../../../../electron/core/publishing/wordpress/restAdapter';
import { WordPressXmlRpcAdapter } from '../../../../electron/core/publishing/xmlrpc/wordpressAdapter';

/** How the process reaches one blog: each protocol's own connection options, without the transport. */
export type DrainAccount =
  | {
      readonly kind: 'wordpress-rest';
      readonly apiRoot: string;
      readonly user: string;
      readonly applicationPassword: string;
    }
  | { readonly kind: 'wordpress-xmlrpc'; readonly endpoint: string; readonly user: string; readonly password: string }
  | { readonly kind: 'ghost'; readonly siteUrl: string; readonly adminApiKey: string }
  | { readonly kind: 'micropub'; readonly endpoint: string; readonly siteUrl: string; readonly token: string };

export interface DrainConfig {
  readonly accounts: Readonly<Record<string, DrainAccount>>;
  readonly timeoutMs: number;
}

function adapterOf(account: DrainAccount, transport: Transport): BlogAdapter {
  switch (account.kind) {
    case 'wordpress-rest':
      return new WordPressRestAdapter({ ...account, transport });
    case 'wordpress-xmlrpc':
      return new WordPressXmlRpcAdapter({ ...account, blogId: '1', transport });
    case 'ghost':
      return new GhostAdminAdapter({ ...account, transport });
    case 'micropub':
      return new MicropubAdapter({ ...account, transport });
  }
}

const [folder, configJson] = process.argv.slice(2);
if (!folder || !configJson) throw new Error('usage: drainOutbox FOLDER CONFIG_JSON');
const config = JSON.parse(configJson) as DrainConfig;

const logError = (message: string, error: unknown): void => {
  process.stderr.write(`${message}: ${String(error)}\n`);
};
const { outbox, close } = await openLibraryAndOutbox({
  folder,
  adapterFor: (accountId) => {
    const account = config.accounts[accountId];
    if (!account) return Promise.reject(new Error(`no account ${accountId}`));
    return Promise.resolve(adapterOf(account, { fetch, timeoutMs: config.timeoutMs }));
  },
  postStyleFor: () => ({ hashtagsInTitle: false }),
  publish: () => undefined,
  logError,
  backoff: { baseMs: 100, maxMs: 1_500, maxRetryAfterMs: 5_000, settleMs: 1_000 },
  concurrency: 2,
});

for (;;) {
  const entries = outbox.list();
  const done = entries.filter((entry) => entry.state.state === 'done').length;
  const pending = entries.filter(isPending).length;
  const attempts = entries.reduce((sum, entry) => sum + entry.attempts, 0);
  process.stdout.write(`progress ${done} ${pending} ${attempts}\n`);
  if (pending === 0) {
    const needsYou = entries.filter((entry) => entry.state.state === 'needs-you');
    process.stdout.write(
      `finished ${JSON.stringify({ done, attempts, needsYou: needsYou.map((entry) => entry.state) })}\n`,
    );
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await close();
