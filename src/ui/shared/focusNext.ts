// Focus that has to wait for the next render: the element to focus (a step's
// heading, a sentence, the button left in place) often only appears then.
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Where focus goes after the next render: an element id, or a move with a fallback and a condition. */
export type FocusMove =
  | string
  | {
      to: string;
      /** Focused instead when `to` is not on the page. */
      fallback?: string;
      /**
       * Move only when focus went away with the element of this id (or is nowhere):
       * focus the parent has since put somewhere else is never pulled back.
       */
      ifLost?: string;
    };

/** The ids to try, in order, for `move`, given the element that has focus now; none when focus stays put. */
export function focusTargets(move: FocusMove, active: Pick<Element, 'id' | 'isConnected'> | null, body: unknown): string[] {
  if (typeof move === 'string') return [move];
  const { to, fallback, ifLost } = move;
  if (ifLost !== undefined && active && active !== body && active.id !== ifLost && active.isConnected) return [];
  return fallback ? [to, fallback] : [to];
}

/**
 * Set `.current` to an element id (or a FocusMove); that element is focused after the
 * next render. `initial` is focused after the first render.
 */
export function useFocusNext(initial: FocusMove | null = null) {
  const focusNext = useRef<FocusMove | null>(initial);
  useLayoutEffect(() => {
    const move = focusNext.current;
    if (move === null) return;
    focusNext.current = null;
    for (const id of focusTargets(move, document.activeElement, document.body)) {
      const target = document.getElementById(id);
      if (target) {
        target.focus();
        return;
      }
    }
  });
  return focusNext;
}
