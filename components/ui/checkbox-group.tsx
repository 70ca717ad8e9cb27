/**
 * A fieldset of checkboxes, each a monospaced value with a line of help under it, and the
 * group's error: the scopes of an API key, the events of a webhook.
 */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  help,
  checked,
  onChange,
  error,
  testIdPrefix,
}: {
  legend: string;
  options: readonly T[];
  help: Record<T, string>;
  checked: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
  testIdPrefix: string;
}) {
  const toggle = (value: T, on: boolean) => onChange(on ? [...new Set([...checked, value])] : checked.filter((v) => v !== value));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-fg">{legend}</legend>
      {options.map((value) => (
        <label key={value} className="flex items-start gap-3 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-accent" checked={checked.includes(value)} onChange={(e) => toggle(value, e.target.checked)} data-testid={`${testIdPrefix}${value}`} />
          <span>
            <span className="font-mono">{value}</span>
            <span className="block text-fg-muted">{help[value]}</span>
          </span>
        </label>
      ))}
      {error ? <p className="text-sm text-danger" role="alert">{error}</p> : null}
    </fieldset>
  );
}
