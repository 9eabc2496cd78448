import type { Transport } from '../blogAdapter';
import { PublishingError } from '../publishingError';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text (JSON, XML), bytes (an image), or a multipart form (fetch sets its boundary). */
  readonly body?: string | Uint8Array | FormData;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The address that answered, after any redirects that were followed. */
  readonly url: string;
  readonly body: string;
}

/** Four mebibytes: far above any API answer a blog gives for a handful of posts. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'Commonplace (desktop blogging client)';
const loginPage = /wp-login\.php|\/(log-?in|sign-?in|auth(enticate)?)\b/i;
const tlsCode = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)|CERT/;
const nothingSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

/**
 * One HTTP exchange with a blog, bounded in time and size. Network failures become
 * PublishingErrors; any status comes back as a response for the caller to judge. Redirects are
 * followed for reads only, and one to a login page is reported as such, because that is how
 * hosts and security plugins answer an API call they do not let through.
 */
export async function sendRequest(transport: Transport, request: HttpRequest): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(transport.timeoutMs);
  const maxBytes = transport.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let url = request.url;
  try {
    for (let hop = 0; ; hop += 1) {
      // Some hosts' firewalls refuse requests without a user agent.
      const init: RequestInit = {
        method: request.method,
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, ...request.headers },
      };
      if (request.body !== undefined) init.body = request.body;
      const response = await transport.fetch(url, init);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const target = new URL(location, url).toString();
        if (loginPage.test(new URL(target).pathname)) {
          throw new PublishingError(
            'login-redirect',
            `${hostOf(url)} sent the request to a login page instead of answering it. The blog (or a security plugin on it) does not accept the app's password for its API; check the account's settings.`,
            { status: response.status },
          );
        }
        if (request.method !== 'GET' || hop >= MAX_REDIRECTS) {
          throw new PublishingError(
            'not-an-api',
            `${hostOf(url)} redirected the request to ${target}. Update the account's blog address and try again.`,
            { status: response.status },
          );
        }
        url = target;
        continue;
      }
      const body = await readCapped(response, maxBytes, url);
      return { status: response.status, headers: response.headers, url, body };
    }
  } catch (error) {
    if (error instanceof PublishingError) throw error;
    throw networkError(error, request, url, transport.timeoutMs);
  }
}

/** The Authorization header for HTTP Basic auth (how WordPress takes Application Passwords). */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** The host a message names, so the writer knows which blog is meant. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const tooLarge = (): PublishingError =>
    new PublishingError(
      'too-large',
      `${hostOf(url)} sent an answer larger than ${Math.round(maxBytes / 1024 / 1024)} MB, which is not what its API gives; a proxy or plugin may be in the way.`,
      { status: response.status },
    );
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // Node's typings leave the chunk untyped; a fetch body's chunks are bytes.
    const { done, value } = (await reader.read()) as { done: boolean; value: unknown };
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError('A response body chunk was not bytes.');
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function networkError(error: unknown, request: HttpRequest, url: string, timeoutMs: number): PublishingError {
  const host = hostOf(url);
  const isRead = request.method === 'GET';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new PublishingError(
      'timeout',
      `${host} did not answer within ${Math.round(timeoutMs / 1000)} s; it may be slow or unreachable right now.`,
      { mayHaveApplied: !isRead, cause: error },
    );
  }
  const code = errorCode(error);
  if (code !== null && tlsCode.test(code)) {
    const reason = /WRONG_VERSION|EPROTO|PACKET_LENGTH/.test(code)
      ? 'it does not speak https at this address'
      : 'its certificate is not valid for this address or not trusted';
    return new PublishingError(
      'tls',
      `The secure connection to ${host} failed (${code}): ${reason}. Check the blog's address (https or http), or ask its host.`,
      { cause: error },
    );
  }
  const nothingSent = code !== null && nothingSentCodes.has(code);
  return new PublishingError(
    'no-connection',
    `${host} could not be reached${code === null ? '' : ` (${code})`}. Check the connection to the internet and the blog's address.`,
    { mayHaveApplied: !isRead && !nothingSent, cause: error },
  );
}

/** The system error code (ECONNREFUSED, CERT_HAS_EXPIRED…) that fetch wraps in its causes. */
function errorCode(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = current.cause;
  }
  return null;
}
