/** A blog's address as people type it ("myblog.example.com" will do: the core finds the scheme). */
export function BlogAddressField({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <label>
      Blog address
      <input
        type="text"
        inputMode="url"
        spellCheck={false}
        required
        placeholder="https://example.com"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
