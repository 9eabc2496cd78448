import { LibraryLockedError } from '../lock/lockMessages';

/** What the desktop app shows in its error box when it cannot start. */
export interface StartFailureNotice {
  readonly title: string;
  readonly message: string;
}

export function startFailureNotice(error: unknown): StartFailureNotice {
  if (error instanceof LibraryLockedError) return { title: 'This library is in use', message: error.message };
  return { title: 'Commonplace could not start', message: error instanceof Error ? error.message : String(error) };
}
