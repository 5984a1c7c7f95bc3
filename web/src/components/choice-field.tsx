/**
 * A labelled select over a fixed list of codes, each shown in the reader's words: the form field of
 * every setting that is one of a few choices.
 */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  name,
  onChange,
  disabled,
}: {
  label: string;
  value: T;
  choices: readonly T[];
  /** The choice in the reader's words. */
  name: (choice: T) => string;
  onChange: (choice: T) => void;
  disabled?: boolean;
}) {
  return (
    <label>
      {label}
      <select disabled={disabled} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {name(c)}
          </option>
        ))}
      </select>
    </label>
  );
}
