import os from 'node:os';
import path from 'node:path';

/** The environment variable that names the library folder for the dev host, the CLI and tests. */
export const DATA_FOLDER_VARIABLE = 'COMMONPLACE_DATA';

/** The library's folder inside the app's data folder (which also holds Electron's own caches). */
export const LIBRARY_FOLDER = 'library';

/**
 * Where the library lives when nothing says otherwise: the OS's per-user application data folder,
 * inside the folder Electron's app.getPath('userData') gives for an app named Commonplace.
 */
export function defaultDataFolder(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Commonplace', LIBRARY_FOLDER);
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Commonplace', LIBRARY_FOLDER);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'Commonplace', LIBRARY_FOLDER);
}

/** The library folder: an explicit choice, else $COMMONPLACE_DATA, else the OS default. */
export function resolveDataFolder(explicit: string | undefined, env = process.env): string {
  const chosen = explicit ?? env[DATA_FOLDER_VARIABLE];
  return path.resolve(chosen && chosen !== '' ? chosen : defaultDataFolder(process.platform, env));
}
