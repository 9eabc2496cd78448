import { useEffect, useState } from 'react';
import type { CallInput } from '../../../shared/contract';
import { api } from '../api';

type Purpose = CallInput<'choosePath'>['purpose'];

/**
 * A path on the writer's computer: typed, or chosen with the OS's own dialog where the app has
 * one (the desktop app; a browser page cannot show one, so there the path is typed).
 */
export function PathField({
  label,
  value,
  onChange,
  choosers,
  placeholder = '/home/you/Documents/…',
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (path: string) => void;
  readonly choosers: readonly { readonly purpose: Purpose; readonly label: string }[];
  readonly placeholder?: string;
}) {
  const [canChoose, setCanChoose] = useState(typeof window.commonplace !== 'undefined');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => setCanChoose(typeof window.commonplace !== 'undefined'), []);

  async function choose(purpose: Purpose): Promise<void> {
    const chosen = await api.choosePath({ purpose });
    if (chosen.ok) {
      if (chosen.value.path !== null) onChange(chosen.value.path);
      return;
    }
    if (chosen.error.kind === 'unavailable') setCanChoose(false);
    else setProblem(chosen.error.message);
  }

  return (
    <div className="path-field">
      <label>
        {label}
        <input
          required
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      {canChoose &&
        choosers.map((chooser) => (
          <button key={chooser.purpose} type="button" onClick={() => void choose(chooser.purpose)}>
            {chooser.label}
          </button>
        ))}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
