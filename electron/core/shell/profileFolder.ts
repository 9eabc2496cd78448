import path from 'node:path';

/**
 * Names a folder for Electron's own state (window place, caches, the single-instance lock)
 * instead of the OS's per-user one: each end-to-end test gets its own, and a portable install
 * can keep everything beside its library.
 */
export const PROFILE_FOLDER_VARIABLE = 'COMMONPLACE_PROFILE';

/** The profile folder the environment asks for, made absolute; null to keep Electron's default. */
export function profileFolderOverride(env: NodeJS.ProcessEnv): string | null {
  const chosen = env[PROFILE_FOLDER_VARIABLE];
  return chosen === undefined || chosen === '' ? null : path.resolve(chosen);
}
