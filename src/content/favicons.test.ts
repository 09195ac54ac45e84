import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeObserver, finishParsing, nextTask } from '../../tests/unit/fakePage';
import { hideIconBadges, QUIET_ICON } from './favicons';

const ICON = 'link[rel~="icon" i]';

/** A page's <head> with its icon links, as the feature sees it. */
class IconPage extends EventTarget {
  readyState: DocumentReadyState = 'complete';
  readonly baseURI = 'https://chat.example/app/';
  readonly documentElement = { nodeName: 'HTML' };
  head: { nodeName: string } | null = { nodeName: 'HEAD' };
  readonly links: Link[] = [];

  querySelector(selector: string) {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  querySelectorAll(selector: string) {
    expect(selector).toBe(ICON);
    return this.links.filter((l) => l.isConnected && l.matches(ICON));
  }
  /** The site (or the parser) adds an icon link. */
  add(rel: string, href: string): Link {
    const link = new Link(rel, href);
    this.links.push(link);
    FakeObserver.record({ type: 'childList', target: this.head as unknown as Node, addedNodes: [link] as unknown as NodeList }, [this.head!]);
    FakeObserver.settle();
    return link;
  }
}

class Link {
  readonly nodeName = 'LINK';
  isConnected = true;
  private readonly attributes = new Map<string, string>();
  constructor(rel: string, href: string) {
    this.attributes.set('rel', rel);
    this.attributes.set('href', href);
  }
  matches(selector: string) {
    expect(selector).toBe(ICON);
    return (this.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('icon');
  }
  get href() {
    return new URL(this.getAttribute('href') ?? '', page.baseURI).href;
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
    FakeObserver.record({ type: 'attributes', target: this as unknown as Node, attributeName: name }, [this, page.head!]);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
    FakeObserver.record({ type: 'attributes', target: this as unknown as Node, attributeName: name }, [this, page.head!]);
  }
  /** The site points the link at another image (its badge, or none). */
  site(href: string) {
    this.setAttribute('href', href);
    FakeObserver.settle();
  }
}

let page: IconPage;
const QUIET = `${QUIET_ICON}#hearth`;
const start = () => {
  const quiet = new AbortController();
  hideIconBadges(quiet.signal);
  FakeObserver.settle();
  return quiet;
};

beforeEach(() => {
  FakeObserver.reset();
  page = new IconPage();
  vi.stubGlobal('document', page);
  vi.stubGlobal('MutationObserver', FakeObserver);
  vi.stubGlobal('HTMLLinkElement', Link);
});
afterEach(() => vi.unstubAllGlobals());

describe('hideIconBadges', () => {
  it("shows a quiet dot on a page open before family time, and gives the site's latest icon back", () => {
    const icon = page.add('icon', '/badge-3.png');
    const quiet = start();
    expect(icon.getAttribute('href')).toBe(QUIET);
    icon.site('/badge-4.png');
    expect(icon.getAttribute('href')).toBe(QUIET);
    quiet.abort();
    expect(icon.getAttribute('href')).toBe('/badge-4.png');
    expect(FakeObserver.made.some((o) => o.watching)).toBe(false);
    icon.site('/badge-5.png');
    expect(icon.getAttribute('href')).toBe('/badge-5.png');
  });

  it('keeps the icon a page declared as it loads, and shows it in place of a badge', () => {
    page.readyState = 'loading';
    const quiet = start();
    const icon = page.add('shortcut ICON', '/favicon.ico');
    finishParsing(page);
    FakeObserver.settle();
    const plain = 'https://chat.example/favicon.ico';
    expect(icon.getAttribute('href')).toBe('/favicon.ico');
    icon.site('/favicon-badge.ico');
    expect(icon.getAttribute('href')).toBe(`${plain}#hearth`);
    // The site clearing its badge by showing its plain icon: nothing to put back.
    icon.site('/favicon.ico');
    expect(icon.getAttribute('href')).toBe('/favicon.ico');
    quiet.abort();
    expect(icon.getAttribute('href')).toBe('/favicon.ico');
  });

  it('never takes a drawn icon as the plain one, even one put in as the page loads: it may carry a count', () => {
    page.readyState = 'loading';
    const quiet = start();
    // A single-page app's module script draws its count on a canvas before the page is parsed.
    const drawn = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
    const icon = page.add('icon', drawn);
    finishParsing(page);
    FakeObserver.settle();
    expect(icon.getAttribute('href')).toBe(QUIET);
    icon.site('blob:https://chat.example/4');
    expect(icon.getAttribute('href')).toBe(QUIET);
    quiet.abort();
    expect(icon.getAttribute('href')).toBe('blob:https://chat.example/4');
  });

  it('a page that points its icon back each time Hearth does does not hang the tab: Hearth stops within the task, and looks again later', async () => {
    const icon = page.add('icon', '/badge-3.png');
    let writes = 0;
    const setAttribute = icon.setAttribute.bind(icon);
    icon.setAttribute = (name, value) => {
      if (value === QUIET) writes++;
      setAttribute(name, value);
    };
    // The page's own watcher, before Hearth's: it puts its badge back whenever the link changes.
    const fights = new FakeObserver(() => {
      if (icon.getAttribute('href') !== '/badge-3.png') icon.site('/badge-3.png');
    });
    fights.observe(icon, { attributes: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const quiet = start();
      expect(writes).toBeLessThanOrEqual(51);
      expect(icon.getAttribute('href')).toBe('/badge-3.png');
      fights.disconnect();
      await nextTask();
      vi.advanceTimersByTime(500);
      FakeObserver.settle();
      expect(icon.getAttribute('href')).toBe(QUIET);
      quiet.abort();
      expect(icon.getAttribute('href')).toBe('/badge-3.png');
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts back a link the site moved, not one it took out for good', () => {
    const moved = page.add('icon', '/a-badge.png');
    const gone = page.add('icon', '/b-badge.png');
    const quiet = start();
    // A badge library re-inserts its link to refresh the icon; another link is dropped.
    gone.isConnected = false;
    FakeObserver.record(
      { type: 'childList', target: page.head as unknown as Node, removedNodes: [moved, gone] as unknown as NodeList, addedNodes: [moved] as unknown as NodeList },
      [page.head!],
    );
    FakeObserver.settle();
    quiet.abort();
    expect(moved.getAttribute('href')).toBe('/a-badge.png');
    expect(gone.getAttribute('href')).toBe(QUIET);
  });

  it('leaves a page put back while it was still loading alone when it finishes', () => {
    page.readyState = 'loading';
    const quiet = start();
    quiet.abort();
    const icon = page.add('icon', '/badge-2.png');
    finishParsing(page);
    FakeObserver.settle();
    expect(icon.getAttribute('href')).toBe('/badge-2.png');
  });

  it("watches the root's own children, and <head> once it is parsed: never a long body", () => {
    page.readyState = 'loading';
    const head = page.head!;
    page.head = null;
    const quiet = start();
    const [observer] = FakeObserver.made;
    expect(observer!.optionsFor(page.documentElement)).toEqual({ childList: true });
    // The parser makes <head> and its icon link in one go, before the observer hears of either.
    page.head = head;
    const icon = new Link('icon', '/favicon.ico');
    page.links.push(icon);
    FakeObserver.record({ type: 'childList', target: page.documentElement as unknown as Node, addedNodes: [head] as unknown as NodeList }, [page.documentElement]);
    FakeObserver.settle();
    expect(observer!.optionsFor(page.documentElement)).toEqual({ childList: true });
    expect(observer!.optionsFor(head)).toMatchObject({ subtree: true, childList: true });
    finishParsing(page);
    FakeObserver.settle();
    // The icon found in <head> is the page's own plain one.
    icon.site('/favicon-badge.ico');
    expect(icon.getAttribute('href')).toBe('https://chat.example/favicon.ico#hearth');
    quiet.abort();
    expect(icon.getAttribute('href')).toBe('/favicon-badge.ico');
  });
});
