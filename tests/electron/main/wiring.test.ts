import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  AppEventSchema,
  callNames,
  contract,
  EVENT_CHANNEL,
  IPC_CHANNEL,
  THEME_SHELL_HOST,
  THEME_SHELL_SCHEME,
  type Api,
  type AppEvent,
  type CallInput,
  type CallName,
} from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { LIVE_FRAME_CSP, LIVE_FRAME_DOCUMENT } from '../../../shared/theme/liveFrame';
import { startMicropub, type MicropubServer } from '../../servers/micropub';
import { makeEveryCall } from '../../support/everyCall';
import { reblogPost } from '../../support/fixtures';
import { standIn } from './support/standInModule';

vi.mock('electron', async () => (await import('./support/standInModule')).electron);

/** The page's side: what the preload exposed, and every event that reached its listener. */
let api: Api;
const heard: AppEvent[] = [];
let site: MicropubServer;
let dataFolder: string;

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A call through the preload's api; it must have crossed to main and back, past the contract's checks. */
async function cross<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<Result<unknown>> {
  const before = standIn.received.length;
  const result = await (api[name] as (input: unknown) => Promise<Result<unknown>>)(input);
  expect(standIn.received.slice(before)).toContainEqual({ channel: IPC_CHANNEL, args: [name, input] });
  if (result.ok) expect(contract[name].output.safeParse(result.value).success, name).toBe(true);
  // A refusal by the schema or the gate would mean the call never reached its service.
  else expect(result.error.message.startsWith(`${name}:`), `${name}: ${result.error.message}`).toBe(false);
  return result;
}

const WithId = z.object({ id: z.string() });

function valueOf(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('electron/main and electron/preload, wired in Node against a stand-in of electron', () => {
  beforeAll(async () => {
    site = await startMicropub();
    // One library for the whole file, as one app run: removed after the last test.
    dataFolder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-wiring-'));
    vi.stubEnv('COMMONPLACE_DATA', dataFolder);
    vi.stubEnv('COMMONPLACE_GOOGLE_CLIENT_ID', 'wiring-test-client');
    vi.stubEnv('COMMONPLACE_GOOGLE_CLIENT_SECRET', 'wiring-test-secret');
    await import('../../../electron/main/index');
    standIn.ready();
    await until(() => standIn.handlers.has(IPC_CHANNEL) && standIn.windows.length === 1, 'main opened its window');
    await import('../../../electron/preload/index');
    api = standIn.world['commonplace'] as Api;
    api.onEvent((event) => heard.push(event));
  }, 60_000);

  afterAll(async () => {
    // Quitting flushes and releases the library, as the app does.
    let prevented = false;
    standIn.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await until(() => standIn.app.listenerCount('quit-requested') >= 0 && prevented, 'quit');
    await new Promise((resolve) => setTimeout(resolve, 500));
    vi.unstubAllEnvs();
    await site.stop();
    await rm(dataFolder, { recursive: true, force: true });
  });

  it('the preload exposes the contract’s calls and onEvent as window.commonplace, and nothing else', () => {
    expect(Object.keys(standIn.world)).toEqual(['commonplace']);
    expect(Object.keys(api).sort()).toEqual([...callNames, 'onEvent'].sort());
    expect(standIn.windows[0]?.url).toEqual(['app://commonplace/index.html']);
  });

  it('every call crosses from the page to main and its answer back, valid by the contract’s output schema', async () => {
    const made = await makeEveryCall((name, input) => cross(name, input), site);
    expect([...made].sort()).toEqual([...callNames].sort());
  }, 120_000);

  it('choosing a path opens the OS dialog over the focused window and answers what the writer chose', async () => {
    standIn.focusedWindow = null;
    expect(valueOf(await cross('choosePath', { purpose: 'export-folder' }))).toEqual({ path: null });
    standIn.focusedWindow = standIn.windows[0]?.window ?? null;
    standIn.openDialogAnswer = { canceled: false, filePaths: ['/home/writer/Export'] };
    expect(valueOf(await cross('choosePath', { purpose: 'export-folder' }))).toEqual({ path: '/home/writer/Export' });
    const [first, second] = standIn.openDialogs.slice(-2);
    expect(first?.overWindow).toBe(false);
    expect(second?.overWindow).toBe(true);
    expect(second?.options.properties).toContain('openDirectory');
  });

  it('serves the themed preview’s shell on its own scheme, with its policy, and nothing else there', async () => {
    const serve = standIn.schemeHandlers.get(THEME_SHELL_SCHEME);
    if (!serve) throw new Error(`main serves nothing on ${THEME_SHELL_SCHEME}:`);
    const shell = await serve(new Request(`${THEME_SHELL_SCHEME}://${THEME_SHELL_HOST}/`));
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-security-policy')).toBe(LIVE_FRAME_CSP);
    expect(await shell.text()).toBe(LIVE_FRAME_DOCUMENT);
    expect((await serve(new Request(`${THEME_SHELL_SCHEME}://${THEME_SHELL_HOST}/other`))).status).toBe(404);
    expect((await serve(new Request(`${THEME_SHELL_SCHEME}://elsewhere/`))).status).toBe(404);
  });

  it('every event of the contract crosses from main to the page, as main sent it', async () => {
    // A menu command, as when the writer picks one.
    const command = standIn.menus[0]?.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    const newDraft = command?.find((item) => item.id === 'newDraft');
    // Electron passes the item, the window and the keyboard event; the app's handler reads none of them.
    newDraft?.click?.({} as never, undefined, {});
    // A link the OS hands over: a new draft, then the page is told to show it.
    const link = `commonplace://quote?url=${encodeURIComponent('https://example.com/a')}&title=A&text=Passage`;
    standIn.app.emit('open-url', { preventDefault: () => undefined }, link);
    await until(() => heard.some((event) => event.type === 'open-draft'), 'open-draft');
    // A damaged draft is restored when opened: the library tells the writer.
    const damaged = WithId.parse(valueOf(await cross('createDraft', { content: reblogPost() })));
    await cross('saveDraft', { id: damaged.id, changes: { title: 'Saved twice' } });
    await writeFile(path.join(dataFolder, 'drafts', `${damaged.id}.json`), '{"half');
    await cross('getDraft', { id: damaged.id });
    // Google's sign-in page for Blogger, which the page opens in the browser; then the writer cancels.
    const signingIn = cross('addAccount', {
      kind: 'blogger',
      address: 'https://wiring.blogspot.com',
      user: '',
      secret: '',
    });
    await until(() => heard.some((event) => event.type === 'open-url'), 'open-url');
    const opened = heard.find((event) => event.type === 'open-url');
    const consent = new URL(opened?.type === 'open-url' ? opened.url : 'https://example.com');
    const back = new URL(consent.searchParams.get('redirect_uri') ?? '');
    back.searchParams.set('state', consent.searchParams.get('state') ?? '');
    back.searchParams.set('error', 'access_denied');
    await (await fetch(back)).text();
    expect((await signingIn).ok).toBe(false);

    const types = new Set(heard.map((event) => event.type));
    const declared = AppEventSchema.options.map((option) => option.shape.type.value);
    expect([...types].sort()).toEqual([...declared].sort());
    const sentEvents = standIn.sent
      .filter((message) => message.channel === EVENT_CHANNEL)
      .map((message) => message.payload);
    expect(heard).toEqual(sentEvents);
    for (const event of heard) expect(AppEventSchema.parse(event)).toEqual(event);
  }, 120_000);

  it('refuses a call from any frame but the app page’s main frame, before it reaches a service', async () => {
    const window = standIn.windows[0];
    if (!window) throw new Error('no window');
    const before = (await readFile(path.join(dataFolder, 'index.json'), 'utf8').catch(() => '')).length;
    const foreign = [
      standIn.foreignFrame('https://evil.example/index.html'),
      // The app's address, but another frame (an iframe) than the page's main frame.
      standIn.foreignFrame('app://commonplace/index.html'),
      null,
    ];
    for (const frame of foreign) {
      const result = (await standIn.invokeFrom(
        window.webContents,
        frame,
        IPC_CHANNEL,
        'createDraft',
        {},
      )) as Result<unknown>;
      expect(result).toEqual({
        ok: false,
        error: { kind: 'unauthorized', message: 'Calls are accepted only from the app’s own page.' },
      });
    }
    const own = (await standIn.invokeFrom(
      window.webContents,
      window.webContents.mainFrame,
      IPC_CHANNEL,
      'listTags',
      {},
    )) as Result<unknown>;
    expect(own.ok).toBe(true);
    expect((await readFile(path.join(dataFolder, 'index.json'), 'utf8').catch(() => '')).length).toBe(before);
  });
});
