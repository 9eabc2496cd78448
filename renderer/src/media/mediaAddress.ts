import { MEDIA_HOST, MEDIA_PATH, MEDIA_SCHEME } from '../../../shared/contract';
import type { MediaFile } from '../../../shared/model/image';

/**
 * Where this page loads a library image: the dev host's token-checked route on its own origin,
 * or, in the desktop app (whose page is not served over http), its read-only media scheme.
 */
export function mediaAddress(file: MediaFile): string {
  const overHttp = window.location.protocol === 'http:' || window.location.protocol === 'https:';
  return overHttp ? `${MEDIA_PATH}${file}` : `${MEDIA_SCHEME}://${MEDIA_HOST}/${file}`;
}
