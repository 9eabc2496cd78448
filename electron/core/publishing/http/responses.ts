import { z } from 'zod';
import { hostOf, type HttpRequest, type HttpResponse } from './request';
import { credentialsRefused, PublishingError } from '../publishingError';

const ServerMessageSchema = z.object({ message: z.string() });
const MAX_QUOTED_CHARACTERS = 200;

/** Throws the PublishingError a non-2xx answer means; returns for 2xx. */
export function checkStatus(request: HttpRequest, response: HttpResponse): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const host = hostOf(response.url);
  const said = serverMessage(response);
  const because = said === '' ? '' : ` The blog said: "${said}"`;
  const details = { status };
  if (status === 401) throw credentialsRefused(host, 'the password', { said, status });
  if (status === 403) {
    throw new PublishingError(
      'forbidden',
      `${host} does not allow this account to do that.${because} Ask the blog's administrator for a role that can publish.`,
      details,
    );
  }
  if (status === 404) {
    throw new PublishingError('not-found', `${host} has no such post or API address (404).${because}`, details);
  }
  if (status === 410) {
    throw new PublishingError('gone', `${host} says the post was deleted (410).${because}`, details);
  }
  if (status === 408) {
    throw new PublishingError('timeout', `${host} gave up waiting for the request (408).`, {
      ...details,
      mayHaveApplied: request.method !== 'GET',
    });
  }
  if (status === 429) {
    const retryAfterSeconds = retryAfter(response);
    throw new PublishingError(
      'rate-limited',
      `${host} asks to slow down (429) and to try again ${retryAfterSeconds === null ? 'later' : `in ${retryAfterSeconds} s`}.`,
      retryAfterSeconds === null ? details : { ...details, retryAfterSeconds },
    );
  }
  if (status >= 500) {
    const retryAfterSeconds = retryAfter(response);
    throw new PublishingError(
      'server-error',
      `${host} had a server error (${status}); try again ${retryAfterSeconds === null ? 'later' : `in ${retryAfterSeconds} s`}.${because}`,
      {
        ...details,
        mayHaveApplied: request.method !== 'GET',
        ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }),
      },
    );
  }
  throw new PublishingError('rejected', `${host} refused the post (${status}).${because}`, details);
}

/** Parses a JSON answer and checks its shape; a web page or missing fields get a clear message. */
export function readJson<Schema extends z.ZodType>(
  request: HttpRequest,
  response: HttpResponse,
  schema: Schema,
  what: string,
): z.infer<Schema> {
  checkStatus(request, response);
  const host = hostOf(response.url);
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('html') || /^\s*</.test(response.body)) {
    throw new PublishingError(
      'not-an-api',
      `${host} answered with a web page where its API should answer (${what}). Check the blog's address, and that no plugin or host setting blocks the API.`,
      { status: response.status },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch (error) {
    throw new PublishingError('malformed-response', `${host} sent an unreadable answer (${what}): not valid JSON.`, {
      status: response.status,
      cause: error,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw incompleteAnswer(host, what, parsed.error, response.status);
  return parsed.data;
}

const MAX_LISTED_FIELDS = 8;

/** An answer that lacks fields the app needs (or has them in the wrong shape), naming them. */
export function incompleteAnswer(host: string, what: string, error: z.ZodError, status?: number): PublishingError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || 'the whole answer'))];
  const listed = fields.slice(0, MAX_LISTED_FIELDS).join(', ') + (fields.length > MAX_LISTED_FIELDS ? ', …' : '');
  return new PublishingError(
    'malformed-response',
    `${host} sent an answer the app cannot use (${what}): missing or unexpected ${listed}. The blog may run an unusual version or plugin.`,
    status === undefined ? { cause: error } : { status, cause: error },
  );
}

/** Seconds from a Retry-After header, which is either seconds or an HTTP date. */
export function retryAfter(response: HttpResponse, now: Date = new Date()): number | null {
  const value = response.headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** The blog's own explanation (WordPress sends {code, message}), as short plain text. */
function serverMessage(response: HttpResponse): string {
  try {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(response.body));
    if (!parsed.success) return '';
    return parsed.data.message
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUOTED_CHARACTERS);
  } catch {
    return '';
  }
}
