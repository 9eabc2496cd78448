import { openLibraryAndOutbox, type LibraryAndOutbox } from '../../../../electron/core/libraryAndOutbox';

/** A library and its outbox with no blog to reach, offline, at the moments `now` gives. */
export function openOffline(folder: string, now: () => Date): Promise<LibraryAndOutbox> {
  const noBlog = () => Promise.reject(new Error('no blogs here'));
  return openLibraryAndOutbox({
    folder,
    logError: () => undefined,
    now,
    adapterFor: noBlog,
    postStyleFor: noBlog,
    online: false,
    publish: () => undefined,
  });
}
