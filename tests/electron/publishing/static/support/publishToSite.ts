// A writer publishing drafts to a static site through the outbox, one after another, until it is
// killed. Prints each draft's id when made and when published. Used by the SIGKILL test.
import { readFile } from 'node:fs/promises';
import { BlogConnectionSchema, createBlogAdapter } from '../../../../../electron/core/publishing/connection';
import { openHarness } from '../../../outbox/support/harness';

const [folder, connectionFile, secret = '', countText = '3', label = 'post'] = process.argv.slice(2);
if (!folder || !connectionFile) throw new Error('usage: publishToSite FOLDER CONNECTION.json SECRET COUNT LABEL');

const connection = BlogConnectionSchema.parse(JSON.parse(await readFile(connectionFile, 'utf8')));
const harness = await openHarness(folder, {
  'static-site-0001': createBlogAdapter(connection, secret, { fetch, timeoutMs: 10_000 }),
});
for (let index = 0; index < Number(countText); index += 1) {
  const draft = await harness.library.create({
    title: `${label} ${index}`,
    commentary: `The text of ${label} ${index}.`,
    quotes: [],
    hashtags: ['crash'],
    featuredImage: null,
  });
  process.stdout.write(`made ${draft.id}\n`);
  const outcome = await harness.outbox.publish({
    draftId: draft.id,
    accountId: 'static-site-0001',
    schedule: { status: 'publish' },
  });
  process.stdout.write(`${outcome.kind} ${draft.id}\n`);
}
await harness.close();
