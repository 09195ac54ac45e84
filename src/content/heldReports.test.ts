import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportHeld } from './heldReports';

// The page's window, as far as the reports use it: a place for `pagehide`.
let page: EventTarget;
let sent: number[];
/** What the page's listeners hear from the browser itself (jsdom can't dispatch a trusted event). */
let fromBrowser: (type: string) => void;
const runtime = {
  sendMessage: (message: { type: string; count: number }) => {
    sent.push(message.count);
    return Promise.resolve();
  },
} as unknown as typeof chrome.runtime;

beforeEach(() => {
  vi.useFakeTimers();
  page = new EventTarget();
  const own: [string, (e: { isTrusted: boolean }) => void][] = [];
  vi.stubGlobal('addEventListener', (type: string, listener: (e: { isTrusted: boolean }) => void, options: AddEventListenerOptions) => {
    own.push([type, listener]);
    options.signal?.addEventListener('abort', () => own.splice(own.findIndex(([, l]) => l === listener), 1));
    page.addEventListener(type, listener as EventListener, options);
  });
  fromBrowser = (type) => own.filter(([t]) => t === type).forEach(([, listener]) => listener({ isTrusted: true }));
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
  sent = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const FIVE_MINUTES = 5 * 60_000;

const hold = (one: () => void, times: number) => {
  for (let i = 0; i < times; i++) one();
};

describe('reportHeld', () => {
  it('reports what was held at most once in five minutes, so a busy page lets the worker sleep', () => {
    const one = reportHeld(new AbortController().signal, runtime);
    hold(one, 3);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(FIVE_MINUTES);
    expect(sent).toEqual([3]);
    hold(one, 2);
    vi.advanceTimersByTime(FIVE_MINUTES - 1);
    expect(sent).toEqual([3]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([3, 2]);
  });

  it('counts a spamming page up to 500, in reports of at most 100', () => {
    const one = reportHeld(new AbortController().signal, runtime);
    hold(one, 450);
    vi.advanceTimersByTime(FIVE_MINUTES);
    hold(one, 450);
    vi.advanceTimersByTime(FIVE_MINUTES);
    expect(sent).toEqual([100, 100, 100, 100, 50, 50]);
  });

  it('reports what is left when the page goes away', () => {
    const one = reportHeld(new AbortController().signal, runtime);
    hold(one, 4);
    fromBrowser('pagehide');
    expect(sent).toEqual([4]);
    vi.advanceTimersByTime(FIVE_MINUTES);
    expect(sent).toEqual([4]);
  });

  it("doesn't report when the page dispatches a pagehide of its own: the page doesn't time the reports", () => {
    const one = reportHeld(new AbortController().signal, runtime);
    hold(one, 3);
    page.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(FIVE_MINUTES);
    expect(sent).toEqual([3]);
  });

  it('reports what is left when its signal aborts, then stops listening', () => {
    const quiet = new AbortController();
    const one = reportHeld(quiet.signal, runtime);
    hold(one, 2);
    quiet.abort();
    expect(sent).toEqual([2]);
    vi.advanceTimersByTime(1000);
    fromBrowser('pagehide');
    expect(sent).toEqual([2]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps going when the extension is gone', () => {
    const gone = {
      sendMessage: () => {
        throw new Error('Extension context invalidated.');
      },
    };
    const one = reportHeld(new AbortController().signal, gone as unknown as typeof chrome.runtime);
    one();
    expect(() => vi.advanceTimersByTime(FIVE_MINUTES)).not.toThrow();
  });
});
