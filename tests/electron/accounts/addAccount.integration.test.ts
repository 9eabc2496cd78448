import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/core/services';
import { dispatch } from '../../../electron/core/dispatch';
import { useTempFolders } from '../../support/tempFolder';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';

const skipReason = wordPressSkipReason();
const newFolder = useTempFolders();

describe.skipIf(skipReason !== null)('adding a WordPress blog as people type its address and password', () => {
  let server: WordPressServer;

  beforeAll(async () => {
    server = await startWordPress();
  }, 60_000);

  afterAll(async () => {
    await server.stop();
  });

  async function addAccount(address: string, secret: string) {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'app' } },
      logError: () => undefined,
    });
    try {
      return await dispatch(
        services.handlers,
        'addAccount',
        { kind: 'wordpress', address, user: server.user, secret },
        { logError: () => undefined },
      );
    } finally {
      await services.close();
    }
  }

  it('takes "127.0.0.1:PORT" without a scheme: https first, then http on this computer', async () => {
    const typed = server.url.replace(/^http:\/\//, '');
    const added = await addAccount(typed, server.applicationPassword);
    expect(added).toMatchObject({ ok: true, value: { address: server.url, blogName: 'Commonplace test blog' } });
  });

  it('says where to make an application password when given the login password', async () => {
    const refused = await addAccount(server.url, server.password);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.kind).toBe('unauthorized');
    expect(refused.error.message).toContain('application password');
    expect(refused.error.message).toContain(`${server.url}/wp-admin/profile.php#application-passwords-section`);
  });
});
