import { afterAll, beforeAll } from 'vitest';
import { startMicropub, type MicropubServer } from '../servers/micropub';

/**
 * One real Micropub site for the calling describe block (or file): started before its tests,
 * stopped after them. Returns the site; call it inside a test.
 */
export function useMicropubSite(): () => MicropubServer {
  let site: MicropubServer | undefined;
  beforeAll(async () => {
    site = await startMicropub();
  }, 60_000);
  afterAll(async () => {
    await site?.stop();
  });
  return () => {
    if (!site) throw new Error('the Micropub site starts before the tests: call it inside a test');
    return site;
  };
}
