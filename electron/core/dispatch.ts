import { z } from 'zod';
import { contract, isCallName, type CallName, type Handlers } from '../../shared/contract';
import { describeValidation } from '../../shared/model/validationMessages';
import { AppError, fail, ok, type Result } from '../../shared/result';

export interface DispatchOptions {
  /** Where unexpected failures are reported; they reach the caller only as a short message. */
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * Runs one call from an untrusted caller: the name must be in the contract, the input must match
 * its schema, and whatever the handler does, the caller gets a Result back, never an exception.
 * Every host (Electron IPC, the dev host, the CLI) goes through here.
 */
export async function dispatch(
  handlers: Partial<Handlers>,
  name: unknown,
  input: unknown,
  options: DispatchOptions,
): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('unknown-call', `There is no call named ${describe(name)}.`);
  const parsed = contract[name].input.safeParse(input);
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

export type { CallName };
