import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MediaFile } from '../../../shared/model/image';
import { imagesWithoutAddress } from '../../../shared/render/imageSources';
import { mediaAddress } from './mediaAddress';

/** The library images of a page, inlined as data: addresses, for a frame that may load nothing else. */
export interface InlinedImages {
  /** The image's data: address once it is read, else null (the frame shows its alt text meanwhile). */
  readonly addressOf: (file: MediaFile) => string | null;
  /** Counts the images read so far, so what depends on them is made again when one arrives. */
  readonly version: number;
}

/**
 * Reads the library images that `html` names into data: addresses, each once for the life of the
 * page (a name never changes content), for the themed preview's frame, whose policy loads images
 * from data: only. An image that cannot be read stays unread: the frame shows its alt text.
 */
export function useInlinedImages(html: string): InlinedImages {
  const read = useRef(new Map<MediaFile, string>());
  const asked = useRef(new Set<MediaFile>());
  const [version, setVersion] = useState(0);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const wanted = imagesWithoutAddress(html)
    .filter((file) => !asked.current.has(file))
    .join(' ');

  useEffect(() => {
    if (wanted === '') return;
    for (const file of wanted.split(' ')) {
      asked.current.add(file);
      void dataAddress(mediaAddress(file)).then((address) => {
        if (address === null || !mounted.current) return;
        read.current.set(file, address);
        setVersion((count) => count + 1);
      });
    }
  }, [wanted]);

  const addressOf = useCallback((file: MediaFile) => read.current.get(file) ?? null, []);
  return useMemo(() => ({ addressOf, version }), [addressOf, version]);
}

async function dataAddress(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const blob = await response.blob();
    return await new Promise<string | null>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(blob);
    });
  } catch {
    // Unreadable (the library moved, the host went away): the frame shows the image's alt text.
    return null;
  }
}
