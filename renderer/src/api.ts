import {
  API_PATH,
  AppEventSchema,
  createApi,
  EVENTS_PATH,
  type Api,
  type AppEvent,
  type Subscribe,
  type Transport,
} from '../../shared/contract';
import { fail, type Result } from '../../shared/result';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser dev host. */
    readonly commonplace?: Api;
  }
}

/** Calls over HTTP to the browser dev host, which authenticates us by its HttpOnly cookie. */
const httpTransport: Transport = async (name, input) => {
  try {
    const response = await fetch(`${API_PATH}${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    if (response.headers.get('Content-Type')?.startsWith('application/json')) {
      return (await response.json()) as Result<unknown>;
    }
    return fail(
      'unavailable',
      `The app’s service answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );
  } catch (error) {
    return fail('unavailable', `The app’s service cannot be reached (${(error as Error).message}).`);
  }
};

/** Events from the dev host's stream: one EventSource, opened on the first listener. */
const listeners = new Set<(event: AppEvent) => void>();
let stream: EventSource | null = null;

const subscribeOverHttp: Subscribe = (listener) => {
  listeners.add(listener);
  if (!stream) {
    stream = new EventSource(EVENTS_PATH);
    stream.onmessage = (message: MessageEvent<string>) => {
      const parsed = AppEventSchema.safeParse(JSON.parse(message.data));
      if (parsed.success) for (const each of listeners) each(parsed.data);
    };
  }
  return () => listeners.delete(listener);
};

/** The contract's calls and events, over Electron IPC when running in Electron, else over HTTP. */
export const api: Api = window.commonplace ?? createApi(httpTransport, subscribeOverHttp);

/** Whether the page is the desktop app's window (not a browser tab on the dev host). */
export const inDesktopApp = window.commonplace !== undefined;
