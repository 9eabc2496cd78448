import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeValidation } from '../../shared/model/validationMessages';

function sentence(schema: z.ZodType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a refusal');
  return describeValidation(result.error);
}

describe('validation messages', () => {
  it('agree with the field: a plural noun takes “are”', () => {
    const save = z.strictObject({ id: z.string(), changes: z.strictObject({ title: z.string() }) });
    expect(sentence(save, { id: 'a' })).toBe('The changes are missing.');
    expect(sentence(z.strictObject({ hashtags: z.array(z.string()) }), {})).toBe('The hashtags are missing.');
    expect(sentence(z.strictObject({ title: z.string() }), {})).toBe('The title is missing.');
    expect(sentence(z.strictObject({ title: z.string().max(3) }), { title: 'long' })).toBe(
      'The title is longer than 3 characters.',
    );
  });
});
