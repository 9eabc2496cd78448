import type { PostOptions } from '../../../../shared/model/draft';
import { postSlug } from '../../../../shared/text/slug';

interface PostOptionsFieldsProps {
  readonly title: string;
  readonly options: PostOptions;
  readonly onChange: (options: PostOptions) => void;
  /** Whether any chosen blog keeps an excerpt, and the shortest limit among them (null: none). */
  readonly summary: {
    readonly kept: boolean;
    readonly maxCharacters: number | null;
    readonly limitedBy: string | null;
  };
}

/** The post's address and excerpt, the same on every blog: what a writer sets before publishing. */
export function PostOptionsFields({ title, options, onChange, summary }: PostOptionsFieldsProps) {
  const fromTitle = postSlug(title, '').own;
  const over = summary.maxCharacters !== null && options.summary.trim().length > summary.maxCharacters;
  return (
    <fieldset className="post-options">
      <legend>Post</legend>
      <label className="post-option">
        <span>Address</span>
        <input
          type="text"
          value={options.slug}
          placeholder={fromTitle === '' ? 'made by the blog' : fromTitle}
          aria-describedby="slug-note"
          spellCheck={false}
          onChange={(event) => onChange({ ...options, slug: event.target.value })}
        />
      </label>
      <span id="slug-note" className="field-note">
        {options.slug.trim() === ''
          ? 'Made from the title when the post is first published; it stays when the title changes.'
          : `Sent as “${postSlug(title, options.slug).own}”.`}
      </span>
      {summary.kept && (
        <label className="post-option">
          <span>Excerpt</span>
          <textarea
            rows={2}
            value={options.summary}
            aria-describedby="summary-note"
            dir="auto"
            onChange={(event) => onChange({ ...options, summary: event.target.value })}
          />
        </label>
      )}
      {summary.kept && (
        <span id="summary-note" className={over ? 'field-note warning' : 'field-note'}>
          {over && summary.limitedBy !== null
            ? `${summary.limitedBy} keeps ${summary.maxCharacters} characters: the excerpt will be cut there (${options.summary.trim().length} now).`
            : 'Shown in lists and feeds; the blog makes one from the text when this is empty.'}
        </span>
      )}
    </fieldset>
  );
}
