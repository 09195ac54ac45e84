// Focus that has to wait for the next render: the element to focus (a step's
// heading, a sentence, the button left in place) often only appears then.
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Set `.current` to an element id; that element is focused after the next render. */
export function useFocusNext() {
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });
  return focusNext;
}
