import { useEffect, useState } from 'react';

interface ImageSideFieldProps {
  readonly blogName: string;
  readonly value: number;
  /** Called with what was typed once the writer leaves the field or presses Enter; false when the core refused it. */
  readonly onCommit: (side: number) => Promise<boolean>;
}

/**
 * A blog's longest image side, in pixels. What is typed is sent when the writer is done with it,
 * not at each keystroke ("1", "12"… would each be refused on the way to "1200").
 */
export function ImageSideField({ blogName, value, onCommit }: ImageSideFieldProps) {
  const [typed, setTyped] = useState(String(value));
  // A value changed elsewhere (another window, the CLI) shows here too.
  useEffect(() => setTyped(String(value)), [value]);

  async function commit(): Promise<void> {
    const side = Number(typed.trim());
    // Refused (the dialog says why), or nothing to send: the field shows what the account holds.
    if (typed.trim() === '' || side === value || !(await onCommit(side))) setTyped(String(value));
  }

  return (
    <label
      className="account-option"
      title="Images are scaled down to this many pixels on their long side for this blog"
    >
      Images up to
      <input
        type="number"
        className="image-side"
        aria-label={`Longest image side on ${blogName}, in pixels`}
        inputMode="numeric"
        step={1}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          }
        }}
      />
      px
    </label>
  );
}
