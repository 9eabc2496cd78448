import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/result';
import type { Transport } from '../publishing/blogAdapter';
import {
  authorizationRequest,
  codeFromRedirect,
  exchangeCode,
  type GoogleOAuthClient,
} from '../publishing/blogger/oauth';

const CALLBACK_PATH = '/oauth/callback';
const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const donePage = (message: string) =>
  `<!doctype html><meta charset="utf-8"><title>Commonplace</title><p style="font:16px system-ui;margin:3em">${message}</p>`;

/**
 * Google's installed-app sign-in: listens on a loopback port, has the browser opened at Google's
 * consent page (PKCE, S256), and takes the code that Google sends the browser back with. Returns
 * the refresh token the vault keeps for the account.
 */
export async function signInWithGoogle(options: {
  readonly client: GoogleOAuthClient;
  readonly openBrowser: (url: string) => void;
  readonly transport: Transport;
  readonly timeoutMs?: number;
}): Promise<string> {
  let answer: (redirectedTo: string) => void = () => undefined;
  const redirected = new Promise<string>((resolve) => (answer = resolve));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    response.end(donePage('Signed in. You can close this tab and return to Commonplace.'));
    answer(url.toString());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const request = authorizationRequest(options.client, `http://127.0.0.1:${port}${CALLBACK_PATH}`);
    options.openBrowser(request.url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new AppError('unavailable', 'The Google sign-in was not finished in time. Start it again.')),
        options.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
      );
    });
    const redirectedTo = await Promise.race([redirected, timedOut]).finally(() => clearTimeout(timer));
    const code = codeFromRedirect(request, redirectedTo);
    const tokens = await exchangeCode({ client: options.client, request, code, transport: options.transport });
    if (tokens.refreshToken === null) {
      throw new AppError(
        'unauthorized',
        'Google gave no lasting permission for Blogger. Sign in again and allow access.',
      );
    }
    return tokens.refreshToken;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
