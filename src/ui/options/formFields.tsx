// What the schedule's two forms (a window, a one-off time) share: a sentence per field
// that reads wrong, cleared as soon as the parent changes that field, and the ids that
// tie each sentence and note to its field for a screen reader.
import { useState } from 'preact/hooks';

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
  return { errors, setErrors, clearError };
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
