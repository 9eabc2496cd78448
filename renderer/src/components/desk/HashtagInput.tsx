import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { addHashtag, cleanHashtag, hashtagKey } from '../../../../shared/model/hashtags';
import { limits } from '../../../../shared/model/limits';
import type { TagCount } from '../../../../shared/model/library';

interface HashtagInputProps {
  readonly hashtags: readonly string[];
  readonly libraryTags: readonly TagCount[];
  readonly onChange: (hashtags: string[]) => void;
}

const MAX_SUGGESTIONS = 6;

/**
 * The post's hashtags as chips. '#', ',' or Enter commits what was typed; Backspace in an empty
 * field takes the last tag back for editing; the library's tags are offered by use.
 */
export const HashtagInput = memo(function HashtagInput({ hashtags, libraryTags, onChange }: HashtagInputProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const [active, setActive] = useState(0);

  const suggestions = useMemo(() => {
    const typed = hashtagKey(text);
    if (typed === '') return [];
    const taken = new Set(hashtags.map(hashtagKey));
    return libraryTags
      .filter(({ tag }) => hashtagKey(tag).startsWith(typed) && !taken.has(hashtagKey(tag)))
      .slice(0, MAX_SUGGESTIONS);
  }, [text, hashtags, libraryTags]);

  function commit(raw: string): void {
    const tag = cleanHashtag(raw);
    setText('');
    setActive(0);
    if (tag === '') return;
    if (tag.length > limits.hashtagCharacters) {
      setText(tag);
      setHint(`A hashtag holds at most ${limits.hashtagCharacters} characters; shorten this one.`);
      return;
    }
    if (hashtags.length >= limits.hashtagsPerDraft) {
      setHint(`A post holds at most ${limits.hashtagsPerDraft} hashtags; #${tag} was not added.`);
      return;
    }
    const next = addHashtag(hashtags, tag);
    if (next === hashtags) {
      setHint(`#${tag} is already a tag of this post.`);
      return;
    }
    setHint('');
    onChange([...next]);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const suggestion = suggestions[active];
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setActive((active + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((active - 1 + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && suggestion) {
      event.preventDefault();
      commit(suggestion.tag);
    } else if (event.key === 'Enter' || event.key === ',' || (event.key === '#' && text !== '')) {
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && hashtags.length > 0) {
      event.preventDefault();
      const last = hashtags.at(-1) ?? '';
      onChange(hashtags.slice(0, -1));
      setText(last);
    } else if (event.key === 'Escape') {
      setText('');
    }
  }

  const listId = `${id}-suggestions`;
  return (
    <div className="hashtags">
      <ul className="hashtag-chips" aria-label="Hashtags">
        {hashtags.map((tag) => (
          <li key={tag} className="chip">
            #{tag}
            <button
              type="button"
              aria-label={`Remove hashtag ${tag}`}
              onClick={() => onChange(hashtags.filter((existing) => existing !== tag))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="hashtag-entry">
        <input
          role="combobox"
          dir="auto"
          aria-label="Add a hashtag"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={suggestions[active] ? `${listId}-${active}` : undefined}
          placeholder="#hashtag"
          value={text}
          onChange={(event) => {
            const typed = event.target.value.replace(/^#/, '');
            setText(typed.slice(0, limits.hashtagCharacters));
            setHint(
              typed.length > limits.hashtagCharacters
                ? `A hashtag holds at most ${limits.hashtagCharacters} characters: what went past that was left out.`
                : '',
            );
            setActive(0);
          }}
          onKeyDown={keyDown}
          onBlur={() => text !== '' && commit(text)}
        />
        {suggestions.length > 0 && (
          <ul id={listId} role="listbox" className="suggestions" aria-label="Hashtags in your library">
            {suggestions.map(({ tag, count }, index) => (
              <li
                key={tag}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  commit(tag);
                }}
              >
                #{tag} <span className="suggestion-count">{count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="hint" role="status" aria-live="polite">
        {hint}
      </p>
    </div>
  );
});
