import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

/**
 * A stand-in of the `electron` module for the wiring tests of electron/main and electron/preload
 * in Node (no Electron binary runs on these machines). It is never the app running: it only
 * carries what main and preload exchange. Each part is checked against Electron's own
 * declarations (`satisfies Pick<Electron.X, …>` of exactly the members the hosts use), so a
 * member the hosts call that Electron does not have, or with another signature, fails the
 * typecheck. Main and preload live in one process here; their messages are copied with
 * structuredClone, as Electron's IPC copies them.
 */

/** What a frame of a page says about itself: its address, and which page it belongs to. */
export interface FrameStandIn {
  readonly url: string;
}

/** The app's own page, as Electron's window loads it. */
const APP_PAGE = 'app://commonplace/index.html';

// Implements Electron's WebContents for the members electron/main uses, with Electron's signatures.
class WebContentsStandIn
  extends EventEmitter
  implements
    Pick<Electron.WebContents, 'send' | 'isDestroyed' | 'setWindowOpenHandler' | 'reload' | 'replaceMisspelling'>
{
  readonly mainFrame: FrameStandIn = { url: APP_PAGE };
  readonly session = { addWordToSpellCheckerDictionary: (_word: string) => true };
  /** What main sent the page, by channel, for the page's listeners. */
  readonly #toPage: (channel: string, payload: unknown) => void;
  #destroyed = false;

  constructor(toPage: (channel: string, payload: unknown) => void) {
    super();
    this.#toPage = toPage;
  }

  send(channel: string, ...args: unknown[]): void {
    this.#toPage(channel, structuredClone(args[0]));
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  setWindowOpenHandler(_handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    // The guard's policy is tested on its own (tests/electron/security); here it only has to be set.
  }

  reload(): void {
    this.emit('did-reload');
  }

  replaceMisspelling(_text: string): void {
    // Spelling is Chromium's; nothing crosses the contract.
  }

  destroy(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }
}

/**
 * A window of the app: it loads the page and shows it; its webContents carries the page's
 * messages. Implements Electron's BrowserWindow for the members electron/main uses.
 */
class BrowserWindowStandIn
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'loadURL'
      | 'show'
      | 'maximize'
      | 'isDestroyed'
      | 'isMinimized'
      | 'isMaximized'
      | 'restore'
      | 'focus'
      | 'getNormalBounds'
    >
{
  readonly webContents: WebContentsStandIn;
  readonly loaded: string[] = [];

  constructor(_options: Electron.BrowserWindowConstructorOptions, toPage: (channel: string, payload: unknown) => void) {
    super();
    this.webContents = new WebContentsStandIn(toPage);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }

  show(): void {
    this.emit('show');
  }

  maximize(): void {
    this.emit('maximize');
  }

  isDestroyed(): boolean {
    return this.webContents.isDestroyed();
  }

  isMinimized(): boolean {
    return false;
  }

  isMaximized(): boolean {
    return false;
  }

  restore(): void {
    this.emit('restore');
  }

  focus(): void {
    this.emit('focus');
  }

  getNormalBounds(): Electron.Rectangle {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
}

/** Everything the stand-in keeps, for the tests to drive and inspect. */
export class ElectronStandIn {
  readonly app;
  readonly ipcMain;
  readonly ipcRenderer;
  readonly contextBridge;
  readonly dialog;
  readonly protocol;
  readonly net;
  readonly session;
  readonly Menu;
  readonly Notification;
  readonly screen;
  readonly shell;
  readonly clipboard;
  readonly safeStorage;
  readonly BrowserWindow: (new (options: Electron.BrowserWindowConstructorOptions) => BrowserWindowStandIn) &
    Pick<typeof Electron.BrowserWindow, 'getFocusedWindow'>;

  /** The page's world: what the preload exposed, by key. */
  readonly world: Record<string, unknown> = {};
  /** Each window the host opened. */
  readonly windows: {
    readonly window: BrowserWindowStandIn;
    readonly url: string[];
    readonly webContents: WebContentsStandIn;
  }[] = [];
  /** The menus the host built, as templates. */
  readonly menus: Electron.MenuItemConstructorOptions[][] = [];
  /** ipcMain's handlers, by channel. */
  readonly handlers = new Map<string, (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  /** Every message main handled: its channel and arguments, as they arrived. */
  readonly received: { readonly channel: string; readonly args: unknown[] }[] = [];
  /** Every message main sent a page: its channel and payload, as it left. */
  readonly sent: { readonly channel: string; readonly payload: unknown }[] = [];
  /** Error boxes the host showed. */
  readonly errorBoxes: { readonly title: string; readonly content: string }[] = [];
  /** What main serves on each of its schemes, by scheme. */
  readonly schemeHandlers = new Map<string, (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>>();
  /** Each open dialog the host showed: its options, and whether it had a window to sit on. */
  readonly openDialogs: { readonly options: Electron.OpenDialogOptions; readonly overWindow: boolean }[] = [];
  /** What the writer does in the next open dialogs: cancel, unless a test says otherwise. */
  openDialogAnswer: Electron.OpenDialogReturnValue = { canceled: true, filePaths: [] };
  /** The window with the focus (BrowserWindow.getFocusedWindow), or null when none has it. */
  focusedWindow: BrowserWindowStandIn | null = null;

  readonly #pageListeners = new Map<string, Set<(event: Electron.IpcRendererEvent, ...args: unknown[]) => void>>();
  readonly #ready: Promise<void>;
  #markReady: () => void = () => undefined;
  #userData: string;

  constructor(userData: string) {
    this.#userData = userData;
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));

    const app = Object.assign(new EventEmitter(), {
      name: 'Commonplace',
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      quit: () => app.emit('quit-requested'),
      exit: (code?: number) => app.emit('exit-requested', code),
      setPath: (name: string, value: string) => {
        if (name === 'userData') this.#userData = value;
      },
      getPath: (_name: string) => this.#userData,
      whenReady: () => this.#ready,
      setAsDefaultProtocolClient: (_protocol: string) => true,
    });
    this.app = app satisfies Pick<
      Electron.App,
      | 'name'
      | 'isPackaged'
      | 'requestSingleInstanceLock'
      | 'quit'
      | 'exit'
      | 'setPath'
      | 'getPath'
      | 'whenReady'
      | 'setAsDefaultProtocolClient'
    >;

    this.ipcMain = {
      handle: (channel: string, listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
        this.handlers.set(channel, listener);
      },
    } satisfies Pick<Electron.IpcMain, 'handle'>;

    this.ipcRenderer = {
      invoke: (channel: string, ...args: unknown[]): Promise<unknown> => {
        const window = this.windows.at(-1);
        if (!window) return Promise.reject(new Error('no window: the page has no main process to call'));
        return this.invokeFrom(window.webContents, window.webContents.mainFrame, channel, ...args);
      },
      on: (channel: string, listener: (event: Electron.IpcRendererEvent, ...args: unknown[]) => void) => {
        const listeners = this.#pageListeners.get(channel) ?? new Set();
        listeners.add(listener);
        this.#pageListeners.set(channel, listeners);
      },
      removeListener: (channel: string, listener: (event: Electron.IpcRendererEvent, ...args: unknown[]) => void) => {
        this.#pageListeners.get(channel)?.delete(listener);
      },
    } satisfies Pick<Electron.IpcRenderer, 'invoke'> & {
      on(channel: string, listener: Parameters<Electron.IpcRenderer['on']>[1]): unknown;
      removeListener(channel: string, listener: Parameters<Electron.IpcRenderer['removeListener']>[1]): unknown;
    };

    this.contextBridge = {
      exposeInMainWorld: (apiKey: string, api: unknown) => {
        this.world[apiKey] = api;
      },
    } satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>;

    this.dialog = {
      showErrorBox: (title: string, content: string) => {
        this.errorBoxes.push({ title, content });
      },
      showMessageBox: (
        _window: Electron.BaseWindow | Electron.MessageBoxOptions,
        _options?: Electron.MessageBoxOptions,
      ) => Promise.resolve({ response: 0, checkboxChecked: false }),
      showOpenDialog: (
        windowOrOptions: Electron.BaseWindow | Electron.OpenDialogOptions,
        options?: Electron.OpenDialogOptions,
      ) => {
        this.openDialogs.push(
          options === undefined ? { options: windowOrOptions, overWindow: false } : { options, overWindow: true },
        );
        return Promise.resolve(structuredClone(this.openDialogAnswer));
      },
    } satisfies Pick<Electron.Dialog, 'showErrorBox' | 'showMessageBox' | 'showOpenDialog'>;

    this.protocol = {
      registerSchemesAsPrivileged: (_schemes: Electron.CustomScheme[]) => undefined,
      handle: (scheme: string, handler: (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>) => {
        this.schemeHandlers.set(scheme, handler);
      },
    } satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

    this.net = {
      isOnline: () => true,
      fetch: (input: string | GlobalRequest, init?: RequestInit) => fetch(input, init),
    } satisfies Pick<Electron.Net, 'isOnline' | 'fetch'>;

    this.session = {
      defaultSession: {
        setPermissionRequestHandler: (_handler: unknown) => undefined,
        setPermissionCheckHandler: (_handler: unknown) => undefined,
      },
    };

    this.Menu = {
      setApplicationMenu: (_menu: unknown) => undefined,
      buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => {
        this.menus.push(template);
        return { popup: () => undefined };
      },
    };

    this.Notification = class {
      static isSupported(): boolean {
        return false;
      }

      show(): void {
        // Never shown: isSupported() says notifications are not available here.
      }
    };

    const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
    this.screen = {
      getPrimaryDisplay: () => display,
      getAllDisplays: () => [display],
    };

    this.shell = {
      openExternal: (_url: string, _options?: Electron.OpenExternalOptions) => Promise.resolve(),
    } satisfies Pick<Electron.Shell, 'openExternal'>;

    this.clipboard = {
      read: () => Promise.resolve([]),
    };

    this.safeStorage = {
      isAsyncEncryptionAvailable: () => Promise.resolve(false),
      getSelectedStorageBackend: () => 'basic_text' as const,
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text)),
      decryptStringAsync: (data: Buffer) => Promise.resolve({ shouldReEncrypt: false, result: data.toString() }),
    } satisfies Pick<
      Electron.SafeStorage,
      'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'
    >;

    const deliver = (channel: string, payload: unknown) => this.#deliver(channel, payload);
    const opened = (window: BrowserWindowStandIn) => {
      this.windows.push({ window, url: window.loaded, webContents: window.webContents });
      this.app.emit('web-contents-created', {}, window.webContents);
    };
    const focused = () => this.focusedWindow;
    this.BrowserWindow = class extends BrowserWindowStandIn {
      constructor(options: Electron.BrowserWindowConstructorOptions) {
        super(options, deliver);
        opened(this);
      }

      static getFocusedWindow(): Electron.BrowserWindow | null {
        // Only identity matters to the host: it hands the window back to dialog.showOpenDialog.
        return focused() as unknown as Electron.BrowserWindow | null;
      }
    };
  }

  /** The app becomes ready (Electron's 'ready'): main's start goes on. */
  ready(): void {
    this.#markReady();
  }

  /**
   * A message from a frame of a page to main, as Electron delivers it: main's handler gets the
   * sending page and frame, and answers a copy of its result.
   */
  async invokeFrom(
    sender: WebContentsStandIn,
    frame: FrameStandIn | null,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const copied = structuredClone(args);
    this.received.push({ channel, args: copied });
    // The event carries what Electron's IpcMainInvokeEvent says main may read: sender and senderFrame.
    const event = { sender, senderFrame: frame } as unknown as Electron.IpcMainInvokeEvent;
    return structuredClone(await handler(event, ...copied));
  }

  /** A page of the app's own window that is not its main frame, or a page of another origin. */
  foreignFrame(url: string): FrameStandIn {
    return { url };
  }

  #deliver(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
    const event = { sender: this.ipcRenderer } as unknown as Electron.IpcRendererEvent;
    for (const listener of this.#pageListeners.get(channel) ?? []) listener(event, payload);
  }
}

export type { BrowserWindowStandIn, WebContentsStandIn };
