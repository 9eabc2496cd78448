import type { z } from 'zod';

/** One call the renderer can make: what it takes (validated on arrival) and what it returns. */
export interface CallSpec<Input extends z.ZodType, Output extends z.ZodType> {
  readonly summary: string;
  readonly input: Input;
  readonly output: Output;
}

export function call<Input extends z.ZodType, Output extends z.ZodType>(
  summary: string,
  input: Input,
  output: Output,
): CallSpec<Input, Output> {
  return { summary, input, output };
}

/** A table of calls by name, as the contract and its parts declare them. */
export type CallTable = Readonly<Record<string, CallSpec<z.ZodType, z.ZodType>>>;
