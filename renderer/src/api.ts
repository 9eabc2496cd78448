import { API_PATH, createApi, type Api, type Transport } from '../../shared/contract';
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

/** The contract's calls, over Electron IPC when running in Electron, else over HTTP. */
export const api: Api = window.commonplace ?? createApi(httpTransport);
