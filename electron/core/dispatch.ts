import { contract, type CallName, type Handlers } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { dispatchCall, type DispatchOptions } from './dispatchCall';

/**
 * Runs one call from an untrusted caller against the whole contract (see dispatchCall). Every host
 * (Electron IPC, the dev host, the CLI) goes through here, or through dispatchCall over the part
 * of the contract it opened.
 */
export function dispatch(
  handlers: Partial<Handlers>,
  name: unknown,
  input: unknown,
  options: DispatchOptions,
): Promise<Result<unknown>> {
  return dispatchCall(contract, handlers, name, input, options);
}

export type { CallName };
