import { useCallback, useRef, useState, type RefObject } from 'react';
import { imageMarkdown, imageReferences } from '../../../../shared/media/references';
import type { MediaFile } from '../../../../shared/model/image';
import { api } from '../../api';
import { base64Of } from '../../media/imageFiles';
import type { CommentaryEditorHandle } from './CommentaryEditor';
import { placeholderMarkdown, settlePlaceholder } from './imagePlaceholder';

/** An image on its way into the commentary, whose alt text the writer is being asked for. */
export interface PendingImage {
  readonly key: string;
  readonly name: string;
  /** Its library file once processed; null while it is being processed. */
  readonly file: MediaFile | null;
  /** The writer's words, once given while it was still being processed. */
  readonly words: Words | null;
}

interface Words {
  readonly alt: string;
  readonly caption: string;
}

export interface ImageInsertion {
  /** The image whose alt text is being asked for now (the oldest), or null. */
  readonly asking: PendingImage | null;
  readonly problem: string | null;
  readonly insert: (files: readonly File[]) => void;
  /** The writer's alt text and caption for an image ('' and '' when they skip). */
  readonly describe: (key: string, alt: string, caption: string) => void;
  readonly dismissProblem: () => void;
}

let counter = 0;

/**
 * Puts pasted, dropped or picked images into the commentary. Each appears at the caret at once,
 * as a placeholder, and is processed in the core meanwhile (typing never waits); the writer is
 * asked for its alt text at once. The placeholder becomes the image's reference as soon as the
 * core has it, so an autosave keeps it, and takes the writer's words whenever they come.
 */
export function useImageInsertion(editor: RefObject<CommentaryEditorHandle | null>): ImageInsertion {
  const [pending, setPending] = useState<readonly PendingImage[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // The async steps below read the queue as it is when they finish, not as it was when they began.
  const latest = useRef(pending);
  latest.current = pending;

  const update = useCallback((next: (current: readonly PendingImage[]) => readonly PendingImage[]) => {
    latest.current = next(latest.current);
    setPending(latest.current);
  }, []);

  const writeWords = useCallback(
    (file: MediaFile, { alt, caption }: Words) => {
      const handle = editor.current;
      if (!handle || (alt === '' && caption === '')) return;
      // The reference written when it was processed: the first of this file still without words.
      const reference = imageReferences(handle.text()).find((each) => each.file === file && each.alt === '');
      if (reference) handle.replaceRange(reference.start, reference.end, imageMarkdown(file, alt, caption));
    },
    [editor],
  );

  const insertOne = useCallback(
    async (image: File) => {
      counter += 1;
      const key = `adding-${counter}`;
      editor.current?.insertAtCaret(placeholderMarkdown(key, image.name));
      update((current) => [...current, { key, name: image.name, file: null, words: null }]);
      // The placeholder is found by its key when the core answers: the writer may have typed around it, or in it.
      const settle = (final: string): void => {
        const handle = editor.current;
        const place = handle ? settlePlaceholder(handle.text(), key, image.name, final) : null;
        if (handle && place) handle.replaceRange(place.from, place.to, place.replacement);
      };
      const added = await api.addImage({ name: image.name.slice(0, 255), data: await base64Of(image) });
      if (!added.ok) {
        settle('');
        update((current) => current.filter((each) => each.key !== key));
        setProblem(`${image.name || 'The image'} was not added: ${added.error.message}`);
        return;
      }
      const words = latest.current.find((each) => each.key === key)?.words ?? null;
      settle(imageMarkdown(added.value.file, words?.alt ?? '', words?.caption ?? ''));
      if (words) update((current) => current.filter((each) => each.key !== key));
      else update((current) => current.map((each) => (each.key === key ? { ...each, file: added.value.file } : each)));
    },
    [editor, update],
  );

  const insert = useCallback(
    (files: readonly File[]) => {
      for (const file of files) void insertOne(file);
    },
    [insertOne],
  );

  const describe = useCallback(
    (key: string, alt: string, caption: string) => {
      const image = latest.current.find((each) => each.key === key);
      if (!image) return;
      if (image.file === null) {
        update((current) => current.map((each) => (each.key === key ? { ...each, words: { alt, caption } } : each)));
        return;
      }
      writeWords(image.file, { alt, caption });
      update((current) => current.filter((each) => each.key !== key));
    },
    [update, writeWords],
  );

  return {
    asking: pending.find((each) => each.words === null) ?? null,
    problem,
    insert,
    describe,
    dismissProblem: () => setProblem(null),
  };
}
