import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';
import { fetchFromWeb, mediaType, readCapped, type Fetch } from '../quotes/fetchPage';
import { sourceFetchDefaults } from '../quotes/fetchSourceMetadata';

export interface ImageFetchOptions {
  readonly fetch: Fetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
}

/**
 * Downloads an image a quote showed (its figure), with the source-page reader's care and
 * deadline: http(s) only, redirects checked, one deadline, and at most `maxBytes`, past which it
 * is refused whole. What the bytes are is decided later, by processImage, never by the server's
 * Content-Type; a web page is refused here already.
 */
export function fetchImage(address: string, options: ImageFetchOptions): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? limits.imageBytes;
  return fetchFromWeb(
    address,
    {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? sourceFetchDefaults.timeoutMs,
      maxRedirects: options.maxRedirects ?? sourceFetchDefaults.maxRedirects,
    },
    'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1',
    async (url, response) => {
      if (!response.ok) {
        await response.body?.cancel();
        const kind = response.status === 404 || response.status === 410 ? 'not-found' : 'unavailable';
        throw new AppError(kind, `${url.host} did not send the image (HTTP ${response.status}).`);
      }
      const type = mediaType(response.headers.get('content-type'));
      if (type !== null && /html|xml|json|javascript|text\//.test(type)) {
        await response.body?.cancel();
        throw new AppError('invalid-input', `${url.host} sent ${type} where the image should be.`);
      }
      const { bytes, complete } = await readCapped(response, maxBytes);
      if (!complete) {
        throw new AppError(
          'invalid-input',
          `The image at ${url.host} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; it was not fetched.`,
        );
      }
      return bytes;
    },
  );
}
