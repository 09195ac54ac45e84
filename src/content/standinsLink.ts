// Hearth's end of the private line to the stand-ins in the page's own world
// (standins.ts). A MessagePort is handed over in one synchronous event, at a
// moment no page code can listen: at document_start, before the page's first
// script, or, for a page already running, under a random name the worker made.
// After that the two sides speak only over the port, which the page never sees.

/** The event name used at document_start, when no page code has run yet. */
export const LINK_EVENT = 'hearth-link';

export interface StandInsLink {
  /** The stand-ins took the port: counts arrive and they can be put back. */
  linked(): boolean;
  /** Tells the stand-ins to hold only from `from` on (the start of family time armed ahead). */
  holdFrom(from: number): void;
  /** Tells the stand-ins the parent allowed this site's notifications (Chromium's block reads denied). */
  granted(): void;
  /** Tells the stand-ins to give the page its own notification functions back. */
  restore(): void;
  stop(): void;
}

/** A notification the stand-ins held, with its words (as text, cut short by them). */
export interface Held {
  title: string;
  body: string;
}

export function linkStandIns(linkEvent: string, onHeld: (held: Held) => void): StandInsLink {
  const channel = new MessageChannel();
  let linked = false;
  channel.port1.onmessage = (m: MessageEvent) => {
    const word = m.data as { held?: number; title?: unknown; body?: unknown } | null;
    if (word?.held !== 1) return;
    onHeld({ title: typeof word.title === 'string' ? word.title : '', body: typeof word.body === 'string' ? word.body : '' });
  };
  const offer = () => {
    if (linked) return;
    // The stand-ins cancel the event to say they took the port.
    const event = new MessageEvent(linkEvent, { ports: [channel.port2], cancelable: true });
    linked = !window.dispatchEvent(event);
    if (linked) stopWaiting();
  };
  // The stand-ins may come after this script: they say so, and the port is offered then.
  const ready = `${linkEvent}:ready`;
  const stopWaiting = () => {
    removeEventListener(ready, offer, true);
    document.removeEventListener('DOMContentLoaded', stopWaiting);
  };
  addEventListener(ready, offer, true);
  // Past the page's first scripts the name is no secret any more: stop listening for it.
  // A blank frame or popup, made whole at once (never loading), waits until they link:
  // Firefox runs the two scripts there a moment after it is made, each in a task of its own.
  if (linkEvent === LINK_EVENT && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', stopWaiting, { once: true });
  offer();
  return {
    linked: () => linked,
    // Queued on the port until the stand-ins take it and start it. Primitives only (standins.ts).
    holdFrom: (from) => channel.port1.postMessage(from),
    granted: () => channel.port1.postMessage('granted'),
    restore() {
      if (linked) channel.port1.postMessage('restore');
    },
    stop() {
      stopWaiting();
      channel.port1.close();
    },
  };
}
