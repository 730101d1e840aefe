import type { SelectHTMLAttributes } from 'react';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  /** For an option written in another language than the page (a language's own name). */
  lang?: string;
}

type Props<V extends string> = {
  id: string;
  label: string;
  value: V;
  onChange(value: NoInfer<V>): void;
  options: readonly SelectOption<V>[];
  /** A first option with the empty value: "all", "choose…", "none". */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'children'>;

/** A labelled drop-down: the label is always visible and tied to the field. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  placeholder,
  ...select
}: Props<V>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* The select only ever yields one of the values given below. */}
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The two languages a member reads Delibera in, each named in its own language. */
export const LANGUAGE_OPTIONS = [
  { value: 'fr', label: 'Français', lang: 'fr-CA' },
  { value: 'en', label: 'English', lang: 'en-CA' },
] as const satisfies readonly SelectOption<string>[];
