import { useState } from 'react';

const numbers = new Intl.NumberFormat('en-US');
/** Past this share of a field's limit, the writer is told how much room is left. */
const WARN_FROM = 0.9;

/** The first `limit` UTF-16 units of `text`, never splitting a surrogate pair. */
export function cutToLimit(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** What a field says about its limit: how much room is left near it, what was left out past it. */
export function limitNote(what: string, length: number, limit: number, cut: boolean): string | null {
  if (cut) return `${what} holds at most ${numbers.format(limit)} characters: what went past that was left out.`;
  if (length < limit * WARN_FROM) return null;
  const left = limit - length;
  return `${numbers.format(left)} character${left === 1 ? '' : 's'} left: ${what.toLowerCase()} holds at most ${numbers.format(limit)}.`;
}

/**
 * A text field's limit where the writer types: `take` keeps what fits (a paste past the limit is
 * cut there), and `note` says so in words, or how much room is left near the limit.
 */
export function useFieldLimit(
  what: string,
  limit: number,
): { take: (text: string) => string; note: (length: number) => string | null } {
  const [cut, setCut] = useState(false);
  return {
    take(text) {
      const kept = cutToLimit(text, limit);
      setCut(kept !== text);
      return kept;
    },
    note: (length) => limitNote(what, length, limit, cut && length >= limit - 1),
  };
}

/** The note under a field, announced politely; nothing when there is nothing to say. */
export function LimitNote({ id, text }: { id: string; text: string | null }) {
  return (
    <p id={id} className="field-limit" role="status" aria-live="polite" hidden={text === null}>
      {text}
    </p>
  );
}
