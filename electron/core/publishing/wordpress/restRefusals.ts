import { z } from 'zod';
import { hostOf, type HttpResponse } from '../http/request';
import { credentialsRefused } from '../publishingError';

/** WordPress's error body: {code, message, data}; a parameter error details each parameter's own error. */
const WordPressErrorSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
  data: z
    .object({
      details: z
        .record(z.string(), z.object({ code: z.string(), data: z.object({ status: z.number() }).partial().nullish() }))
        .optional(),
    })
    .nullish(),
});

/** Codes WordPress gives when the request carried no login it accepts. */
const refusedLoginCodes = new Set([
  'incorrect_password',
  'invalid_username',
  'invalid_email',
  'application_passwords_disabled',
  'application_passwords_disabled_for_user',
  'rest_not_logged_in',
]);

const MAX_QUOTED_CHARACTERS = 200;

/**
 * Throws when a REST answer, in whatever shape, means WordPress did not take the login. Besides
 * 401, a request that reached WordPress without a working login (a revoked Application Password
 * on a site where they are unavailable, a host that drops the Authorization header) is answered
 * as anonymous: asking for drafts gives 400 "Invalid parameter(s): status", whose detail is
 * rest_forbidden_status with status 401 (403 would be a logged-in user without the right).
 * A 401 about a permission ("Sorry, you are not allowed to edit this post.", as a revoked
 * Application Password gets) is that same anonymous answer: its words would send the writer
 * looking for a missing role, so they are not quoted.
 */
export function checkWordPressLogin(response: HttpResponse): void {
  if (response.status < 400) return;
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    return;
  }
  const parsed = WordPressErrorSchema.safeParse(json);
  if (!parsed.success) return;
  const { code, message, data } = parsed.data;
  const anonymousStatus = Object.values(data?.details ?? {}).some(
    (detail) => detail.code === 'rest_forbidden_status' && detail.data?.status === 401,
  );
  const anonymousRefusal = response.status === 401 && !refusedLoginCodes.has(code);
  if (anonymousRefusal) throw credentialsRefused(hostOf(response.url), 'the password', { status: response.status });
  if (!refusedLoginCodes.has(code) && !anonymousStatus) return;
  const said = (message ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUOTED_CHARACTERS);
  throw credentialsRefused(hostOf(response.url), 'the password', { said, status: response.status });
}
