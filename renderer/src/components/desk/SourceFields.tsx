import { useId, useState } from 'react';
import { SourceSchema, type Source } from '../../../../shared/model/draft';
import { limits } from '../../../../shared/model/limits';
import { LimitNote, useFieldLimit } from './fieldLimit';

interface SourceFieldsProps {
  readonly source: Source;
  readonly onChange: (source: Source) => void;
}

/** The quote's source line, editable: title, author, site, date and address. */
export function SourceFields({ source, onChange }: SourceFieldsProps) {
  const id = useId();
  // The address is edited as text and stored only once it is a web address, so a half-typed
  // URL never blocks saving the rest of the draft.
  const [address, setAddress] = useState(source.url ?? '');
  const addressProblem = address !== '' && !isWebAddress(address) ? 'Not a web address (http:// or https://)' : null;
  const titleLimit = useFieldLimit('A source title', limits.sourceFieldCharacters);
  const authorLimit = useFieldLimit('An author', limits.sourceFieldCharacters);
  const siteLimit = useFieldLimit('A site name', limits.sourceFieldCharacters);
  const dateLimit = useFieldLimit('A date', limits.sourceFieldCharacters);
  const addressLimit = useFieldLimit('An address', limits.urlCharacters);
  const dateText = source.publishedAt ?? source.publishedAtText;

  function editDate(text: string): void {
    // The library's own rule: "2016-02-30" parses in a browser but is no date, so it stays text.
    const exact = /^\d{4}-\d{2}-\d{2}$/.test(text) && SourceSchema.shape.publishedAt.safeParse(text).success;
    onChange({ ...source, publishedAt: exact ? text : null, publishedAtText: exact ? '' : text });
  }

  function editAddress(typed: string): void {
    const text = addressLimit.take(typed);
    setAddress(text);
    const trimmed = text.trim();
    if (trimmed === '') onChange({ ...source, url: null });
    else if (isWebAddress(trimmed)) onChange({ ...source, url: trimmed });
  }

  return (
    <fieldset className="source-fields">
      <legend>Source</legend>
      <label>
        Source title
        <input
          dir="auto"
          value={source.title}
          aria-describedby={`${id}-title`}
          onChange={(event) => onChange({ ...source, title: titleLimit.take(event.target.value) })}
        />
      </label>
      <LimitNote id={`${id}-title`} text={titleLimit.note(source.title.length)} />
      <label>
        Author
        <input
          dir="auto"
          value={source.author}
          aria-describedby={`${id}-author`}
          onChange={(event) => onChange({ ...source, author: authorLimit.take(event.target.value) })}
        />
      </label>
      <LimitNote id={`${id}-author`} text={authorLimit.note(source.author.length)} />
      <label>
        Site
        <input
          dir="auto"
          value={source.siteName}
          aria-describedby={`${id}-site`}
          onChange={(event) => onChange({ ...source, siteName: siteLimit.take(event.target.value) })}
        />
      </label>
      <LimitNote id={`${id}-site`} text={siteLimit.note(source.siteName.length)} />
      <label>
        Date
        <input
          placeholder="2016-08-10, or as the page said"
          value={dateText}
          aria-describedby={`${id}-date`}
          onChange={(event) => editDate(dateLimit.take(event.target.value))}
        />
      </label>
      <LimitNote id={`${id}-date`} text={dateLimit.note(dateText.length)} />
      <label className="source-address">
        Address
        <input
          type="url"
          inputMode="url"
          placeholder="https://"
          value={address}
          aria-invalid={addressProblem !== null}
          aria-describedby={addressProblem ? `${id}-address` : undefined}
          onChange={(event) => editAddress(event.target.value)}
        />
      </label>
      {addressProblem && (
        <p id={`${id}-address`} className="field-problem">
          {addressProblem}
        </p>
      )}
      <LimitNote id={`${id}-address-limit`} text={addressLimit.note(address.length)} />
    </fieldset>
  );
}

/** The library's own rule, so an address the browser takes but the library refuses never blocks a save. */
function isWebAddress(text: string): boolean {
  return text !== '' && SourceSchema.shape.url.safeParse(text).success;
}
