import { AppError, type ErrorKind } from '../../../shared/result';

/** Precisely what went wrong talking to a blog; `kind` and `retryable` follow from it. */
export type PublishingFailure =
  | 'bad-credentials'
  | 'login-redirect'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'rejected'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'no-connection'
  | 'tls'
  | 'not-an-api'
  | 'too-large'
  | 'malformed-response';

const failureKinds: Record<PublishingFailure, { readonly kind: ErrorKind; readonly retryable: boolean }> = {
  'bad-credentials': { kind: 'unauthorized', retryable: false },
  'login-redirect': { kind: 'unauthorized', retryable: false },
  forbidden: { kind: 'unauthorized', retryable: false },
  'not-found': { kind: 'not-found', retryable: false },
  gone: { kind: 'not-found', retryable: false },
  rejected: { kind: 'invalid-input', retryable: false },
  'rate-limited': { kind: 'unavailable', retryable: true },
  'server-error': { kind: 'unavailable', retryable: true },
  timeout: { kind: 'unavailable', retryable: true },
  'no-connection': { kind: 'unavailable', retryable: true },
  // A certificate does not fix itself between retries: the writer (or the blog's host) must act.
  tls: { kind: 'unavailable', retryable: false },
  'not-an-api': { kind: 'unavailable', retryable: false },
  'too-large': { kind: 'unavailable', retryable: false },
  'malformed-response': { kind: 'unavailable', retryable: false },
};

export interface PublishingErrorDetails {
  /** Seconds the blog asked us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds?: number;
  /**
   * True when a write may have reached the blog although no answer came back (a timeout or a
   * dropped connection after sending, a 5xx from a proxy): the outbox must look for the post by
   * its client identity before trying again.
   */
  readonly mayHaveApplied?: boolean;
  readonly status?: number;
  readonly cause?: unknown;
}

/** A failure talking to a blog, with a message a writer understands and what the outbox needs. */
export class PublishingError extends AppError {
  readonly failure: PublishingFailure;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  readonly mayHaveApplied: boolean;
  readonly status: number | null;

  constructor(failure: PublishingFailure, message: string, details: PublishingErrorDetails = {}) {
    const { kind, retryable } = failureKinds[failure];
    super(kind, message, details.cause === undefined ? {} : { cause: details.cause });
    this.name = 'PublishingError';
    this.failure = failure;
    this.retryable = retryable;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.mayHaveApplied = details.mayHaveApplied ?? false;
    this.status = details.status ?? null;
  }
}

/**
 * The one way every protocol says the blog refused its credentials (a changed or revoked
 * password, key or sign-in), whatever shape the refusal came in: what to do, and where.
 */
export function credentialsRefused(
  host: string,
  credentials: string,
  details: {
    readonly said?: string;
    readonly advice?: string;
    readonly status?: number | null;
    readonly cause?: unknown;
  },
): PublishingError {
  const said = details.said ? ` The blog said: "${details.said}"` : '';
  const advice = details.advice ? ` ${details.advice}` : '';
  return new PublishingError(
    'bad-credentials',
    `${host} refused ${credentials}; update it in the blog's settings.${said}${advice}`,
    {
      ...(details.status === null || details.status === undefined ? {} : { status: details.status }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    },
  );
}
