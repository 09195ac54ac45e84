// What the schedule's two forms (a window, a one-off time) share: a sentence per field
// that reads wrong, cleared as soon as the parent changes that field, the ids that tie
// each sentence and note to its field for a screen reader, and the labelled field itself.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { NAME_MAX } from '../../core/limits';
import { t } from '../../i18n';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The form's sentences per field, and `clearError` for the fields the parent just changed. */
export function useFieldErrors<F extends string>() {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const clearError = (...fields: F[]) => {
    const shown = fields.filter((field) => errors[field]);
    if (shown.length === 0) return;
    setErrors((current) => {
      const rest = { ...current };
      for (const field of shown) delete rest[field];
      return rest;
    });
  };
  /**
   * What ties an InputField to `field`: its value and sentence; typing sets the value and
   * clears the sentences of `field` and `alsoClears` (fields whose check reads this one).
   */
  const bind = (field: F, value: string, set: (value: string) => void, ...alsoClears: F[]) => ({
    value,
    error: errors[field],
    onValue: (typed: string) => {
      set(typed);
      clearError(field, ...alsoClears);
    },
  });
  return { errors, setErrors, clearError, bind };
}

/** An aria-describedby value from the ids given (false and undefined left out); undefined when none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A field's invalid state and what describes it: its error sentence first (when there is one), then `more`. */
export function errorAria(error: string | undefined, errorId: string, ...more: (string | false | undefined)[]) {
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(error && errorId, ...more),
  };
}

/** A field's error sentence, under the field; nothing when it reads well. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} class="field-error">
      {error}
    </p>
  );
}

interface InputFieldProps {
  id: string;
  label: string;
  type: 'text' | 'date' | 'time';
  value: string;
  error: string | undefined;
  /** A note under the field (an end time's "ends the next day"), read after its error; falsy for none. */
  note?: string | false;
  onValue: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  autoComplete?: string;
  /** For a form that puts the cursor back in the field. */
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its note and error sentence under it, ids `${id}-note` and `${id}-error`. */
export function InputField({ id, label, type, value, error, note, onValue, inputRef, ...input }: InputFieldProps) {
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        // Split by kind, so Preact's types see a text input or a date or time one, not a mix.
        {...(type === 'text' ? { type, ...input } : { type, ...input })}
        value={value}
        {...errorAria(error, `${id}-error`, note && `${id}-note`)}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
      {note && (
        <p id={`${id}-note`} class="note end-note">
          {note}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A window's or a one-off time's name: one line of text, never filled in by the browser. */
export function NameField(props: Pick<InputFieldProps, 'id' | 'placeholder' | 'value' | 'error' | 'onValue'>) {
  return <InputField label={t('scheduleFormName')} type="text" maxLength={NAME_MAX} autoComplete="off" {...props} />;
}
