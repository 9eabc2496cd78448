import { API_PATH, TOKEN_HEADER, type CallInput, type CallName, type CallOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { RunningDevHost } from './devHost';

/** One call to a running dev host, as a script would make it: what the library acknowledges. */
export async function callHost<Name extends CallName>(
  host: Pick<RunningDevHost, 'origin' | 'token'>,
  name: Name,
  input: CallInput<Name>,
): Promise<CallOutput<Name>> {
  const response = await fetch(`${host.origin}${API_PATH}${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<CallOutput<Name>>;
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}
