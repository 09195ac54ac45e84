import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noticeTouches } from './touches';

let page: EventTarget;
beforeEach(() => {
  page = new EventTarget();
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
});
afterEach(() => vi.unstubAllGlobals());

/** An event as the browser makes it for the parent's own key or pointer. */
const trusted = (type: string) => Object.defineProperty(new Event(type), 'isTrusted', { value: true });

describe('noticeTouches', () => {
  it("notices the parent's own keys and pointer", () => {
    for (const type of ['keydown', 'pointerdown']) {
      const touched = noticeTouches(new AbortController().signal);
      expect(touched()).toBe(false);
      page.dispatchEvent(trusted(type));
      expect(touched()).toBe(true);
    }
  });

  it("does not count a page's made-up events", () => {
    const touched = noticeTouches(new AbortController().signal);
    page.dispatchEvent(new Event('keydown'));
    page.dispatchEvent(new Event('pointerdown'));
    expect(touched()).toBe(false);
  });

  it('stops listening when its signal aborts, and still says what it saw', () => {
    const quiet = new AbortController();
    const touched = noticeTouches(quiet.signal);
    quiet.abort();
    page.dispatchEvent(trusted('keydown'));
    expect(touched()).toBe(false);

    const again = new AbortController();
    const seen = noticeTouches(again.signal);
    page.dispatchEvent(trusted('pointerdown'));
    again.abort();
    expect(seen()).toBe(true);
  });
});
