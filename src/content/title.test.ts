import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeObserver, finishParsing, nextTask } from '../../tests/unit/fakePage';
import { hideTitleCount } from './title';

/** A <title> element, as much of it as the feature asks about. */
const titleElement = (textContent: string) => {
  const el = { nodeName: 'TITLE', textContent, contains: (node: unknown) => node === el };
  return el;
};

/**
 * A page's title as the feature sees it. The site writes with `site()`; the feature
 * writes `document.title`, which Chromium reports to the observer and Firefox
 * doesn't (a content script's write there makes no mutation record).
 */
class TitlePage extends EventTarget {
  readyState: DocumentReadyState = 'complete';
  visibilityState: DocumentVisibilityState = 'visible';
  readonly documentElement = { nodeName: 'HTML' };
  readonly head = { nodeName: 'HEAD' };
  titleElement = titleElement('');
  /** The page has a <title> element now. */
  private titled = true;
  hearthWrites = 0;

  constructor(
    text: string,
    private readonly reportsOurWrites: boolean,
  ) {
    super();
    this.titleElement.textContent = text;
  }
  querySelector(selector: string) {
    return selector === 'title' && this.titled ? this.titleElement : null;
  }
  get title() {
    return this.titled ? this.titleElement.textContent : '';
  }
  set title(text: string) {
    this.hearthWrites++;
    if (!this.titled) this.addTitle(text, this.reportsOurWrites);
    else this.write(text, this.reportsOurWrites);
  }
  /** The site takes its <title> element out of <head> (a framework unmounting it). */
  removeTitle() {
    this.titled = false;
    FakeObserver.record({ type: 'childList', target: this.head as unknown as Node }, [this.head]);
    FakeObserver.settle();
  }
  /** A new <title> element put into <head> (by the site, or by a write to `document.title` with none there). */
  addTitle(text: string, reported = true) {
    this.titled = true;
    this.titleElement = titleElement(text);
    if (reported) FakeObserver.record({ type: 'childList', target: this.head as unknown as Node }, [this.head]);
    if (reported) FakeObserver.settle();
  }
  site(text: string) {
    this.write(text, true);
    FakeObserver.settle();
  }
  /** The parent switches to another tab (hidden), or back to this one. */
  seen(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
    FakeObserver.settle();
  }
  private write(text: string, reported: boolean) {
    this.titleElement.textContent = text;
    if (reported) FakeObserver.record({ type: 'childList', target: this.titleElement as unknown as Node }, [this.titleElement]);
  }
}

let page: TitlePage;
/** This test's signal, as the content script's: aborting it stops the feature. */
let quiet: AbortController;
const open = (text: string, reportsOurWrites = true) => {
  page = new TitlePage(text, reportsOurWrites);
  vi.stubGlobal('document', page);
};
const start = () => {
  hideTitleCount(quiet.signal);
  FakeObserver.settle();
};

beforeEach(() => {
  FakeObserver.reset();
  quiet = new AbortController();
  vi.stubGlobal('MutationObserver', FakeObserver);
});
afterEach(() => vi.unstubAllGlobals());

describe('hideTitleCount', () => {
  for (const [browser, reportsOurWrites] of [
    ['Chromium', true],
    ['Firefox', false],
  ] as const) {
    it(`keeps the count out however often the site writes it, and gives the site's latest title back (${browser})`, () => {
      open('(3) Inbox', reportsOurWrites);
      start();
      expect(page.title).toBe('Inbox');
      page.site('(4) Inbox');
      expect(page.title).toBe('Inbox');
      page.site('(5) Inbox');
      expect(page.title).toBe('Inbox');
      quiet.abort();
      expect(page.title).toBe('(5) Inbox');
    });

    it(`leaves a title the site cleared itself, to exactly what Hearth wrote, as it is (${browser})`, () => {
      open('(3) Inbox', reportsOurWrites);
      start();
      page.site('Inbox');
      const writes = page.hearthWrites;
      quiet.abort();
      expect(page.title).toBe('Inbox');
      expect(page.hearthWrites).toBe(writes);
    });

    it(`out of sight, holds the title still, whatever the site writes; in sight, the site's latest without its count (${browser})`, () => {
      open('(2) Chat', reportsOurWrites);
      start();
      page.seen('hidden');
      expect(page.title).toBe('Chat');
      for (const text of ['New message from Sam', '(3) Chat', 'Sam is typing…', '(3) Chat']) {
        page.site(text);
        expect(page.title).toBe('Chat');
      }
      page.site('(4) Sam: are you there? - Chat');
      page.seen('visible');
      expect(page.title).toBe('Sam: are you there? - Chat');
      page.site('(5) Chat');
      expect(page.title).toBe('Chat');
      page.seen('hidden');
      page.site('New message from Alex');
      expect(page.title).toBe('Chat');
      quiet.abort();
      expect(page.title).toBe('New message from Alex');
    });

    it(`a site going back, out of sight, to exactly the title held is the site's own: in sight and at the end, that title (${browser})`, () => {
      open('Chat', reportsOurWrites);
      start();
      page.seen('hidden');
      page.site('Sam is typing…');
      expect(page.title).toBe('Chat');
      page.site('Chat');
      expect(page.title).toBe('Chat');
      page.seen('visible');
      expect(page.title).toBe('Chat');
      page.seen('hidden');
      page.site('Sam is typing…');
      page.site('Chat');
      quiet.abort();
      expect(page.title).toBe('Chat');
    });

    it(`a visibilitychange the page sends itself, out of sight, changes nothing (${browser})`, () => {
      open('Chat', reportsOurWrites);
      start();
      page.seen('hidden');
      page.site('New message from Sam');
      page.seen('hidden'); // the page's own event: still out of sight
      expect(page.title).toBe('Chat');
      page.site('New message from Alex');
      page.seen('hidden');
      expect(page.title).toBe('Chat');
    });

    it(`a page loading out of sight holds the first title it gets (${browser})`, () => {
      open('', reportsOurWrites);
      page.visibilityState = 'hidden';
      page.readyState = 'loading';
      start();
      expect(page.title).toBe('');
      page.site('(7) Mail');
      expect(page.title).toBe('Mail');
      page.site('New message!');
      expect(page.title).toBe('Mail');
      quiet.abort();
      expect(page.title).toBe('New message!');
    });
  }

  it("a site that takes its title element out and puts its own back later: Hearth makes none meanwhile, and the site's shows", () => {
    open('(3) Inbox');
    start();
    expect(page.title).toBe('Inbox');
    const writes = page.hearthWrites;
    page.removeTitle();
    expect(page.title).toBe('');
    expect(page.hearthWrites).toBe(writes);
    page.addTitle('(4) Drafts');
    expect(page.title).toBe('Drafts');
    quiet.abort();
    expect(page.title).toBe('(4) Drafts');
  });

  it('a page that writes its count back each time Hearth takes it out does not hang the tab: Hearth stops within the task', async () => {
    open('(3) Inbox');
    // The page's own watcher, before Hearth's: it puts its count back whenever the title changes.
    const fights = new FakeObserver(() => {
      if (page.title !== '(3) Inbox') page.site('(3) Inbox');
    });
    fights.observe(page.titleElement, { childList: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      expect(() => start()).not.toThrow();
      expect(page.hearthWrites).toBeLessThanOrEqual(51);
      expect(page.title).toBe('(3) Inbox');
      // It looks again a little later, and again later still while the page keeps on.
      const writes = page.hearthWrites;
      await nextTask();
      vi.advanceTimersByTime(500);
      FakeObserver.settle();
      expect(page.hearthWrites).toBeGreaterThan(writes);
      expect(page.hearthWrites).toBeLessThanOrEqual(writes + 51);
      expect(page.title).toBe('(3) Inbox');
      // The page stops: the next look takes the count out for good.
      fights.disconnect();
      await nextTask();
      vi.advanceTimersByTime(1000);
      FakeObserver.settle();
      expect(page.title).toBe('Inbox');
      // Aborted while a look is due, it looks no more.
      page.site('(4) Inbox');
      fights.observe(page.titleElement, { childList: true });
      page.site('(3) Inbox');
      quiet.abort();
      await nextTask();
      vi.runAllTimers();
      expect(page.title).toBe('(3) Inbox');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never writes a title with no count in it', () => {
    open('Inbox');
    start();
    page.site('Drafts');
    quiet.abort();
    expect(page.title).toBe('Drafts');
    expect(page.hearthWrites).toBe(0);
  });

  it('stops watching when its signal aborts: later counts stay', () => {
    open('(3) Inbox');
    start();
    quiet.abort();
    expect(FakeObserver.made.some((o) => o.watching)).toBe(false);
    page.site('(6) Inbox');
    expect(page.title).toBe('(6) Inbox');
  });

  it('gives a page that loaded during family time its own title, count and all, at the end', () => {
    open('(2) Chat');
    page.readyState = 'loading';
    start();
    expect(page.title).toBe('Chat');
    finishParsing(page);
    FakeObserver.settle();
    expect(page.title).toBe('Chat');
    quiet.abort();
    expect(page.title).toBe('(2) Chat');
  });

  it('leaves a page put back while it was still loading alone when it finishes', () => {
    open('(2) Chat');
    page.readyState = 'loading';
    start();
    expect(page.title).toBe('Chat');
    quiet.abort();
    expect(page.title).toBe('(2) Chat');
    finishParsing(page);
    FakeObserver.settle();
    expect(page.title).toBe('(2) Chat');
  });
});
