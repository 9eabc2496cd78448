import { AppError } from '../../../shared/result';

/** The fetch the caller provides: the global one in the app, any compatible one in tests. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface PageFetchOptions {
  readonly fetch: Fetch;
  /** For the whole exchange: every redirect and the body. */
  readonly timeoutMs: number;
  /** Reading stops past this many bytes of body. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  readonly url: string;
  readonly html: string;
  /** False when the body was longer than maxBytes and `html` is only its beginning. */
  readonly complete: boolean;
}

/** What a body reader yields; Node's typings leave the chunk type open. */
type ReadResult = { done: true; value?: undefined } | { done: false; value: Uint8Array };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Fetches one web page the way a careful browser would for a link preview: only http(s), redirects
 * followed by hand (counted, loops caught, each hop checked), a deadline for the whole exchange, only
 * HTML, and no more than maxBytes read. Failures are AppErrors a writer can understand.
 */
export function fetchPage(address: string, options: PageFetchOptions): Promise<FetchedPage> {
  return fetchFromWeb(address, options, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', (url, response) =>
    readPage(url, response, options.maxBytes),
  );
}

/**
 * One GET on the web with fetchPage's care (http(s) only, redirects followed by hand and checked,
 * one deadline for the exchange and the reading): `read` gets the final answer, within the deadline.
 */
export async function fetchFromWeb<T>(
  address: string,
  options: Omit<PageFetchOptions, 'maxBytes'>,
  accept: string,
  read: (url: URL, response: Response) => Promise<T>,
): Promise<T> {
  let url = webUrl(address, address);
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, options.timeoutMs);
  const visited = new Set([url.href]);
  try {
    for (;;) {
      const response = await options.fetch(url.href, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept },
      });
      if (response.type === 'opaqueredirect') {
        // A browser-style fetch (Electron's net.fetch) hides the Location of a manual redirect;
        // Node's own fetch shows it, and is the one to inject.
        throw new AppError(
          'internal',
          'The fetch given for source details hides redirects; inject Node’s fetch instead.',
        );
      }
      if (!redirectStatuses.has(response.status)) return await read(url, response);
      await response.body?.cancel();
      const next = webUrl(response.headers.get('location') ?? '', url.href);
      if (visited.has(next.href)) {
        throw new AppError(
          'invalid-input',
          `The source address redirects in a loop (${url.host}); its page could not be read.`,
        );
      }
      if (visited.size > options.maxRedirects) {
        throw new AppError(
          'invalid-input',
          `The source address redirects more than ${options.maxRedirects} times; its page was not read.`,
        );
      }
      visited.add(next.href);
      url = next;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted) {
      throw new AppError('unavailable', `${url.host} did not answer within ${seconds(options.timeoutMs)}.`, {
        cause: error,
      });
    }
    throw new AppError('unavailable', `Could not reach ${url.host}: ${networkReason(error)}.`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function webUrl(address: string, base: string): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new AppError('invalid-input', `"${address.slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'invalid-input',
      `Only web pages (http or https) can be read for details, not ${url.protocol} addresses.`,
    );
  }
  return url;
}

async function readPage(url: URL, response: Response, maxBytes: number): Promise<FetchedPage> {
  if (!response.ok) {
    await response.body?.cancel();
    throw statusError(url, response.status);
  }
  const type = mediaType(response.headers.get('content-type'));
  if (type !== null && !htmlTypes.has(type)) {
    await response.body?.cancel();
    throw new AppError(
      'invalid-input',
      `The source address points to ${type}, not a web page, so it has no details to read.`,
    );
  }
  const { bytes, complete } = await readCapped(response, maxBytes);
  const html = decode(bytes, response.headers.get('content-type'));
  if (type === null && !/^\s*<(!doctype html|html|head|meta|title)/i.test(html)) {
    throw new AppError(
      'invalid-input',
      'The source address does not point to a web page, so it has no details to read.',
    );
  }
  return { url: url.href, html, complete };
}

/** Reads the body as a stream and stops, cancelling the rest, once maxBytes have arrived. */
export async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = response.body?.getReader();
  if (reader === undefined) return { bytes: new Uint8Array(), complete: true };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as ReadResult;
    if (done) return { bytes: joinChunks(chunks, total), complete: true };
    const room = maxBytes - total;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      await reader.cancel();
      return { bytes: joinChunks(chunks, maxBytes), complete: false };
    }
    chunks.push(value);
    total += value.byteLength;
  }
}

function joinChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function mediaType(contentType: string | null): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? null : type;
}

/** Decodes with the charset the header names, else the one a <meta> near the top names, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function statusError(url: URL, status: number): AppError {
  if (status === 404 || status === 410) {
    return new AppError('not-found', `${url.host} has no page at this address (HTTP ${status}).`);
  }
  if (status >= 500 || status === 429) {
    return new AppError('unavailable', `${url.host} could not send the page right now (HTTP ${status}).`);
  }
  return new AppError('unavailable', `${url.host} refused to send the page (HTTP ${status}).`);
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'there is no such site',
    EAI_AGAIN: 'the name could not be looked up (are you offline?)',
    ECONNRESET: 'the connection was cut',
    ETIMEDOUT: 'the connection timed out',
  };
  return reasons[code] ?? (error instanceof Error ? error.message : String(error));
}

function seconds(milliseconds: number): string {
  const value = Math.round(milliseconds / 100) / 10;
  return `${value} second${value === 1 ? '' : 's'}`;
}
