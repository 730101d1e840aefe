import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

interface FieldProps {
  id: string;
  label: string;
  /** Shown under the control, inside the field: a hint its aria-describedby names. */
  children?: ReactNode;
}

/** A labelled input: the label is always visible and tied to the field. */
export function TextField({
  id,
  label,
  children,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
      {children}
    </div>
  );
}

/** A labelled multi-line text area, like TextField. */
export function TextAreaField({
  id,
  label,
  children,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} {...textarea} />
      {children}
    </div>
  );
}
