import { useId, useState } from 'react';
import type { Source } from '../../../../shared/model/draft';

interface SourceFieldsProps {
  readonly source: Source;
  readonly onChange: (source: Source) => void;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The quote's source line, editable: title, author, site, date and address. */
export function SourceFields({ source, onChange }: SourceFieldsProps) {
  const id = useId();
  // The address is edited as text and stored only once it is a web address, so a half-typed
  // URL never blocks saving the rest of the draft.
  const [address, setAddress] = useState(source.url ?? '');
  const addressProblem = address !== '' && !isWebAddress(address) ? 'Not a web address (http:// or https://)' : null;

  function editDate(text: string): void {
    const exact = isoDate.test(text) && !Number.isNaN(Date.parse(text));
    onChange({ ...source, publishedAt: exact ? text : null, publishedAtText: exact ? '' : text });
  }

  function editAddress(text: string): void {
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
          onChange={(event) => onChange({ ...source, title: event.target.value })}
        />
      </label>
      <label>
        Author
        <input
          dir="auto"
          value={source.author}
          onChange={(event) => onChange({ ...source, author: event.target.value })}
        />
      </label>
      <label>
        Site
        <input
          dir="auto"
          value={source.siteName}
          onChange={(event) => onChange({ ...source, siteName: event.target.value })}
        />
      </label>
      <label>
        Date
        <input
          placeholder="2016-08-10, or as the page said"
          value={source.publishedAt ?? source.publishedAtText}
          onChange={(event) => editDate(event.target.value)}
        />
      </label>
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
    </fieldset>
  );
}

function isWebAddress(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}
