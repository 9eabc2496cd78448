import { z } from 'zod';
import type { CallTable } from '../../shared/callSpec';
import { describeValidation } from '../../shared/model/validationMessages';
import { AppError, fail, ok, type Result } from '../../shared/result';

export interface DispatchOptions {
  /** Where unexpected failures are reported; they reach the caller only as a short message. */
  readonly logError: (message: string, error: unknown) => void;
}

/** What answers the calls of a table: validated input in, value out (or an AppError thrown). */
export type HandlersOf<Calls extends CallTable> = {
  readonly [Name in keyof Calls]: (input: z.output<Calls[Name]['input']>) => Promise<z.output<Calls[Name]['output']>>;
};

/**
 * Runs one call from an untrusted caller against a table of calls (the contract, or the part of it
 * a host opened): the name must be in the table, the input must match its schema, and whatever the
 * handler does, the caller gets a Result back, never an exception.
 */
export async function dispatchCall<Calls extends CallTable>(
  calls: Calls,
  handlers: Partial<HandlersOf<Calls>>,
  name: unknown,
  input: unknown,
  options: DispatchOptions,
): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
    return fail('unknown-call', `There is no call named ${describe(name)}.`);
  }
  const parsed = (calls[name] as Calls[string]).input.safeParse(input);
  // In words naming the field: the message may be shown to the writer as it is.
  if (!parsed.success) return fail('invalid-input', describeValidation(parsed.error));
  // A host that opened only part of the core (the CLI's draft commands) has only its calls.
  const handler = handlers[name] as ((input: unknown) => Promise<unknown>) | undefined;
  if (!handler) return fail('unavailable', `${name} is not available here.`);
  try {
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() };
    if (error instanceof z.ZodError) {
      // A value the core built failed its own schema: a bug to log, told in words all the same.
      options.logError(`${name} built a value its schema refuses`, error);
      return fail('internal', `That could not be done: ${describeValidation(error)}`);
    }
    options.logError(`${name} failed unexpectedly`, error);
    return fail('internal', `${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `of type ${typeof name}`;
}
