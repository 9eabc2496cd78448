import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { openServices } from '../../../electron/core/services';
import { watchFirstCall } from '../../../electron/core/shell/firstCall';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

async function settled(promise: Promise<void>): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 20, false))]);
}

describe('watching for the page’s first call', () => {
  it('settles at the first call that reaches a handler, and answers every call as before', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'app' } },
      logError: () => undefined,
    });
    const page = watchFirstCall(services.handlers);
    expect(Object.keys(page.handlers).sort()).toEqual(Object.keys(services.handlers).sort());
    expect(await settled(page.firstCall)).toBe(false);
    expect(await dispatch(page.handlers, 'getDraft', { id: 'x' }, { logError: () => undefined })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(await settled(page.firstCall)).toBe(false);
    expect(await dispatch(page.handlers, 'listTags', {}, { logError: () => undefined })).toEqual({
      ok: true,
      value: [],
    });
    expect(await settled(page.firstCall)).toBe(true);
    await services.close();
  });
});
