import type { InputHTMLAttributes } from 'react';

type Props = { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input: the label is always visible and tied to the field. */
export function TextField({ id, label, ...input }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}
