import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import type { Transport } from '../blogAdapter';
import { networkError } from '../http/request';

const USER_AGENT = 'git/isomorphic-git Commonplace';

/**
 * isomorphic-git's HTTP client over the app's injected network, so that git traffic is bounded
 * and testable like every blog request. A pack can be large and slow to arrive, so the timeout
 * is for silence (no byte for `timeoutMs`), not for the whole exchange.
 */
export function gitHttpClient(transport: Transport): HttpClient {
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const method = request.method === 'POST' ? 'POST' : 'GET';
      const watchdog = new Watchdog(transport.timeoutMs);
      try {
        const body = request.body ? await collect(request.body) : undefined;
        watchdog.kick();
        const init: RequestInit = {
          method,
          headers: { 'user-agent': USER_AGENT, ...request.headers },
          signal: watchdog.signal,
          redirect: 'follow',
        };
        if (body !== undefined) init.body = body;
        const response = await transport.fetch(request.url, init);
        // Until the body is read (isomorphic-git leaves some unread), nothing is waited for.
        watchdog.stop();
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        return {
          url: response.url || request.url,
          method,
          statusCode: response.status,
          statusMessage: response.statusText,
          headers,
          body: streamBody(response, watchdog, method, request.url, transport.timeoutMs),
        };
      } catch (error) {
        watchdog.stop();
        throw networkError(error, { method }, request.url, transport.timeoutMs);
      }
    },
  };
}

/** Aborts the exchange when nothing has moved for `idleMs`. */
class Watchdog {
  readonly #controller = new AbortController();
  readonly #idleMs: number;
  #timer: NodeJS.Timeout | null = null;

  constructor(idleMs: number) {
    this.#idleMs = idleMs;
    this.kick();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  kick(): void {
    this.stop();
    this.#timer = setTimeout(
      () => this.#controller.abort(new DOMException('No answer in time.', 'TimeoutError')),
      this.#idleMs,
    );
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

async function collect(chunks: AsyncIterableIterator<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* streamBody(
  response: Response,
  watchdog: Watchdog,
  method: 'GET' | 'POST',
  url: string,
  timeoutMs: number,
): AsyncIterableIterator<Uint8Array> {
  if (!response.body) {
    watchdog.stop();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      watchdog.kick();
      // Node's typings leave the chunk untyped; a fetch body's chunks are bytes.
      const { done, value } = (await reader.read()) as { done: boolean; value: unknown };
      watchdog.stop();
      if (done) return;
      if (!(value instanceof Uint8Array)) throw new TypeError('A response body chunk was not bytes.');
      yield value;
    }
  } catch (error) {
    throw networkError(error, { method }, url, timeoutMs);
  } finally {
    watchdog.stop();
    reader.releaseLock();
  }
}
