import { useId, useState } from 'react';
import type { BlogFeatures } from '../../../../shared/model/blogFeatures';

interface CategoryPickerProps {
  readonly blogName: string;
  /** What the blog said of its categories; undefined while asking, null when it could not be asked. */
  readonly offered: NonNullable<BlogFeatures['categories']> | null | undefined;
  readonly chosen: readonly string[];
  readonly onChange: (categories: string[]) => void;
}

/**
 * The post's categories on one blog: the blog's own offered as the writer types, a new name
 * accepted where publishing creates it, each chosen one a chip with its remove button.
 */
export function CategoryPicker({ blogName, offered, chosen, onChange }: CategoryPickerProps) {
  const listId = useId();
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const canCreate = offered === null || offered === undefined || offered.canCreate;

  function add(): void {
    const name = text.trim();
    if (name === '') return;
    const known = offered?.names.find((each) => each.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (!known && !canCreate) {
      setHint(`${blogName} has no category “${name}”, and this blog cannot create one from here.`);
      return;
    }
    setText('');
    setHint(known || offered === null || offered === undefined ? '' : `“${name}” is new: publishing creates it.`);
    const spelled = known ?? name;
    if (chosen.some((each) => each.toLocaleLowerCase() === spelled.toLocaleLowerCase())) return;
    onChange([...chosen, spelled]);
  }

  return (
    <div className="category-picker" role="group" aria-label={`Categories on ${blogName}`}>
      <span className="field-note" aria-hidden="true">
        Categories
      </span>
      {chosen.length > 0 && (
        <ul className="chips" aria-label={`Chosen categories on ${blogName}`}>
          {chosen.map((name) => (
            <li key={name} className="chip">
              {name}
              <button
                type="button"
                aria-label={`Remove the category ${name}`}
                onClick={() => onChange(chosen.filter((each) => each !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="text"
        list={listId}
        value={text}
        aria-label={`Add a category on ${blogName}`}
        placeholder={offered === undefined ? 'Category (asking the blog…)' : 'Add a category'}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          add();
        }}
      />
      <datalist id={listId}>
        {offered?.names
          .filter((name) => !chosen.includes(name))
          .map((name) => (
            <option key={name} value={name} />
          ))}
      </datalist>
      <button type="button" onClick={add} disabled={text.trim() === ''}>
        Add
      </button>
      {offered === null && (
        <span className="field-note">The blog’s categories could not be read; new names are created.</span>
      )}
      {hint !== '' && (
        <span role="status" className="field-note">
          {hint}
        </span>
      )}
    </div>
  );
}
