import { useState } from 'react';
import type { CombinedError } from 'urql';
import { ErrorAlert } from './feedback';
import { TextAreaField, TextField } from './text-field';

interface Props {
  /** The first step: a button that opens the form. */
  button: { label: string; ariaLabel?: string; className?: string };
  /** The one field the second step asks for (a reason, a date); its value arrives trimmed. */
  field: {
    id: string;
    label: string;
    initialValue?: string;
    maxLength?: number;
    type?: 'datetime-local';
    multiline?: boolean;
  };
  submitLabel: string;
  /** The mutation's state, so its error shows and a second submit waits. */
  state: { fetching: boolean; error?: CombinedError };
  onSubmit(value: string): void;
}

/**
 * An action that asks for one thing before it runs — cancelling with a reason,
 * restoring with a reason, opening a vote with its closing date — so a stray
 * click changes nothing.
 */
export function TwoStepAction({ button, field, submitLabel, state, onSubmit }: Props) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(field.initialValue ?? '');
  if (!open) {
    return (
      <button
        type="button"
        className={button.className ?? 'button-secondary'}
        aria-label={button.ariaLabel}
        onClick={() => setOpen(true)}
      >
        {button.label}
      </button>
    );
  }
  const control = {
    id: field.id,
    label: field.label,
    autoFocus: true,
    maxLength: field.maxLength,
    required: true,
    value,
  };
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() !== '') onSubmit(value.trim());
      }}
    >
      <ErrorAlert error={state.error} />
      {field.multiline ? (
        <TextAreaField {...control} rows={2} onChange={(event) => setValue(event.target.value)} />
      ) : (
        <TextField
          {...control}
          type={field.type}
          onChange={(event) => setValue(event.target.value)}
        />
      )}
      <button type="submit" className="button-primary" disabled={state.fetching}>
        {submitLabel}
      </button>
    </form>
  );
}
