import { describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/core/services';
import { isPending } from '../../../electron/core/outbox/queue';
import { useMicropubSite } from '../../support/micropubSite';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

describe('the outbox announces each change of an entry once it is kept', () => {
  const site = useMicropubSite();

  it('a page that counts what waits to go out at each announcement ends at none once the post is out', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'dev-host' } },
      logError: () => undefined,
    });
    const account = await services.handlers.addAccount({
      kind: 'micropub',
      address: site().url,
      user: '',
      secret: site().token,
    });
    const draft = await services.handlers.createDraft({ content: reblogPost() });
    // What the toolbar shows: the outbox as it is when the core last said something changed.
    const shown: number[] = [];
    services.events.subscribe(() => shown.push(services.outbox.list().filter(isPending).length));

    const [result] = await services.handlers.publishDraft({
      draftId: draft.id,
      accountIds: [account.id],
      schedule: { status: 'publish' },
    });

    expect(result?.outcome.kind).toBe('published');
    expect(services.outbox.list().filter(isPending)).toEqual([]);
    expect(shown).toContain(1);
    expect(shown.at(-1)).toBe(0);
    await services.close();
  }, 60_000);
});
