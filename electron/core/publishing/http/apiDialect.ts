import type { z } from 'zod';
import { hostOf, type HttpRequest, type HttpResponse } from './request';
import { credentialsRefused, PublishingError } from '../publishingError';
import { checkStatus, readJson } from './responses';

/**
 * What differs between blog APIs when they refuse a request: where the explanation sits in the
 * error body (Ghost: errors[0].message, Google: error.message, Micropub: error_description), and
 * what the writer should check when the credentials are refused.
 */
export interface ApiDialect {
  /** The API's own explanation in an error body, or '' when it gives none. */
  explanation(body: unknown): string;
  /** What the credentials are, for "did not accept …" ("the admin API key"). */
  readonly credentials: string;
  /** What to do about refused credentials ("Create a new key in Ghost's Integrations settings."). */
  readonly credentialAdvice: string;
  /**
   * Whether an error body says the credentials were refused, whatever its status (a 400 or 403
   * in the API's own words: an expired token, a revoked key), so it is told as such.
   */
  refusesCredentials(body: unknown): boolean;
}

const MAX_QUOTED_CHARACTERS = 200;

/** Like `checkStatus`, with the API's own explanation and advice for its kind of credentials. */
export function checkApiStatus(request: HttpRequest, response: HttpResponse, dialect: ApiDialect): void {
  try {
    checkStatus(request, response);
  } catch (error) {
    throw reworded(error, response, dialect);
  }
}

/** Like `readJson`, with the API's own explanation and advice for its kind of credentials. */
export function readApiJson<Schema extends z.ZodType>(
  request: HttpRequest,
  response: HttpResponse,
  schema: Schema,
  what: string,
  dialect: ApiDialect,
): z.infer<Schema> {
  try {
    return readJson(request, response, schema, what);
  } catch (error) {
    throw reworded(error, response, dialect);
  }
}

function parsedBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    return null;
  }
}

/** The API's explanation of an error answer, as short plain text ('' when there is none). */
export function explanationOf(response: HttpResponse, dialect: ApiDialect): string {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return '';
  }
  return dialect
    .explanation(body)
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUOTED_CHARACTERS);
}

function reworded(error: unknown, response: HttpResponse, dialect: ApiDialect): unknown {
  if (!(error instanceof PublishingError) || error.status === null) return error;
  const said = explanationOf(response, dialect);
  const because = said === '' ? '' : ` The blog said: "${said}"`;
  const host = hostOf(response.url);
  if (error.failure === 'bad-credentials' || dialect.refusesCredentials(parsedBody(response))) {
    return credentialsRefused(host, dialect.credentials, {
      said,
      advice: dialect.credentialAdvice,
      status: error.status,
      cause: error,
    });
  }
  let message: string;
  if (error.failure === 'forbidden') {
    message = `${host} does not allow this account to do that.${because} ${dialect.credentialAdvice}`;
  } else if (said !== '' && !error.message.includes(said)) {
    message = `${error.message}${because}`;
  } else {
    return error;
  }
  return new PublishingError(error.failure, message, {
    status: error.status,
    mayHaveApplied: error.mayHaveApplied,
    cause: error,
    ...(error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  });
}
