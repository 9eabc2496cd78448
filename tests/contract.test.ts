import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/core/dispatch';
import { openServices } from '../electron/core/services';
import { useMicropubSite } from './support/micropubSite';
import { makeEveryCall } from './support/everyCall';
import { useTempFolders } from './support/tempFolder';
import { callNames, contract, createApi } from '../shared/contract';

const newFolder = useTempFolders();

// The contract is the single list of calls: handlers, the preload's API and the dev host's
// routes are derived from it. This checks that nothing drifted, in both directions; the preload
// and main's IPC are loaded and checked call by call and event by event in
// tests/electron/main/wiring.test.ts, the dev host's routes and stream in tests/electron/devhost.
describe('the API contract', () => {
  const site = useMicropubSite();

  it('has a handler for every call and no handler without a call', async () => {
    const { handlers } = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'app' } },
      logError: () => undefined,
    });
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
  });

  it('gives the renderer one method per call, each sending its own name', async () => {
    const sent: string[] = [];
    const api = createApi(
      (name) => {
        sent.push(name);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => undefined,
    );
    expect(Object.keys(api).sort()).toEqual([...callNames, 'onEvent'].sort());
    for (const name of callNames) await api[name]({} as never);
    expect(sent).toEqual([...callNames]);
  });

  it('declares an input and output schema and a summary for every call', () => {
    for (const name of callNames) {
      expect(contract[name].summary.length).toBeGreaterThan(10);
      expect(typeof contract[name].input.safeParse).toBe('function');
      expect(typeof contract[name].output.safeParse).toBe('function');
    }
  });

  it('answers every call with what its output schema declares', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'app' } },
      logError: () => undefined,
    });
    const invalid: string[] = [];
    const made = await makeEveryCall(async (name, input) => {
      const result = await dispatch(services.handlers, name, input, { logError: () => undefined });
      if (result.ok) {
        const checked = contract[name].output.safeParse(result.value);
        if (!checked.success) invalid.push(`${name}: ${checked.error.message}`);
      }
      return result;
    }, site());
    await services.close();
    expect(invalid).toEqual([]);
    expect([...made].sort()).toEqual([...callNames].sort());
  }, 120_000);
});
