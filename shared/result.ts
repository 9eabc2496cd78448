/** What went wrong, in a form that crosses every boundary (IPC, HTTP, CLI) as plain data. */
export type ErrorKind =
  'invalid-input' | 'not-found' | 'conflict' | 'storage' | 'unauthorized' | 'unknown-call' | 'unavailable' | 'internal';

export interface AppErrorData {
  readonly kind: ErrorKind;
  readonly message: string;
}

/** The result of every call across the renderer↔main boundary: never a thrown exception. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorData };

/** Thrown inside the core to reach the boundary, where it becomes a failed Result. */
export class AppError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
  }

  toData(): AppErrorData {
    return { kind: this.kind, message: this.message };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: ErrorKind, message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}
