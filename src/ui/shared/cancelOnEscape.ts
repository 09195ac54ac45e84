// Escape in a form shown in place does what its Cancel button does: a keyboard user
// leaves it the way they would leave a dialog, and the form's own cancel puts focus
// back on the control that opened it.

/** What the form needs to know of the key press (a KeyboardEvent has all of it). */
type EscapeKey = Pick<KeyboardEvent, 'key' | 'isComposing' | 'defaultPrevented' | 'preventDefault'>;

/** A keydown handler for the form: Escape calls `cancel`. */
export function cancelOnEscape(cancel: () => void) {
  return (event: EscapeKey): void => {
    // Escape that ends an input method's composition, or that a control already used
    // (closing a picker, say), is not meant for the form.
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    cancel();
  };
}
