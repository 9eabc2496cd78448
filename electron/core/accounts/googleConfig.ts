import type { GoogleSettings } from '../publishing/connection';

/**
 * The app's Google OAuth client, from configuration (Google issues it for the "Desktop app"
 * type). The endpoints can be pointed elsewhere, which is how tests reach a Blogger fake.
 */
export function googleSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): GoogleSettings | undefined {
  const clientId = env['COMMONPLACE_GOOGLE_CLIENT_ID'];
  if (clientId === undefined || clientId === '') return undefined;
  const optional = (name: string, key: string) => {
    const value = env[name];
    return value === undefined || value === '' ? {} : { [key]: value };
  };
  return {
    clientId,
    ...optional('COMMONPLACE_GOOGLE_CLIENT_SECRET', 'clientSecret'),
    ...optional('COMMONPLACE_GOOGLE_AUTHORIZATION_ENDPOINT', 'authorizationEndpoint'),
    ...optional('COMMONPLACE_GOOGLE_TOKEN_ENDPOINT', 'tokenEndpoint'),
    ...optional('COMMONPLACE_BLOGGER_API_ROOT', 'apiRoot'),
  };
}
