import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openServices } from '../electron/core/services';
import { useTempFolders } from './support/tempFolder';
import { callNames, contract, createApi, IPC_CHANNEL, isCallName } from '../shared/contract';

const newFolder = useTempFolders();

// The contract is the single list of calls: handlers, the preload's API and the dev host's
// routes are derived from it. This checks that nothing drifted, in both directions.
describe('the API contract', () => {
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

  it('does not take inherited object properties for calls', () => {
    expect(isCallName('constructor')).toBe(false);
    expect(isCallName('hasOwnProperty')).toBe(false);
    expect(isCallName('getDraft')).toBe(true);
  });

  it('is what the preload exposes, over the contract’s one channel', () => {
    const preload = readFileSync(new URL('../electron/preload/index.ts', import.meta.url), 'utf8');
    expect(preload).toMatch(/createApi\(\(name, input\) => ipcRenderer\.invoke\(IPC_CHANNEL, name, input\), onEvent\)/);
    expect(preload).toMatch(/exposeInMainWorld\('commonplace', api\)/);
    expect(IPC_CHANNEL).toBe('commonplace:call');
  });
});
