// Hearth in real Firefox (Debian's firefox-esr), where the stand-ins are the only means
// of holding a work page's notifications: the pages load cleanly, family time quiets a
// work tab and gives it back, and neither an ordinary site nor a work page can learn
// of it or undo it (docs/trust.md).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { probeExtension, serveOrdinarySite, type OrdinarySite } from '../fixtures/ordinarySite';
import { axeSource, runAxe } from '../fixtures/axe';
import { overlayOnTop, showOwnModal, showOwnPopover, stopToggles, swapRoot, writeAnew } from '../fixtures/overlayLifts';
import { blankFrameGetsStandIns, framesNative, keepNotification, keptNotificationShows, notificationMade, saveNotification, tryRoutes, tryUnreachableRoutes } from '../fixtures/routes';
import { reflected } from '../fixtures/reflection';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import type { ReflectionSource } from '../../src/core/reflection';
import { launchFirefox, newPage, UUID, type FirefoxHearth } from './harness';

let site: FixtureServer;
let ff: FirefoxHearth;
let ordinary: OrdinarySite;

beforeAll(async () => {
  site = await serveFixtures();
  ordinary = await serveOrdinarySite();
  ff = await launchFirefox();
  // The parent allowed the work chat's notifications earlier.
  await ff.browser.defaultBrowserContext().overridePermissions(site.origin, ['notifications']);
  const added = await ff.ask<{ ok: boolean }>({ type: 'addSite', pattern: '127.0.0.1', mode: 'dim' });
  expect(added.ok).toBe(true);
});

afterAll(async () => {
  await ff?.close();
  await site?.close();
  await ordinary?.close();
});

const siteId = async () => (await ff.ask<{ sites: { site: { id: string } }[] }>({ type: 'sites' })).sites[0]!.site.id;

/** Opens the fixture chat and waits until its script runs. */
async function openChat(path: string): Promise<Page> {
  const page = await newPage(ff.browser);
  await page.goto(`${site.origin}${path}`);
  await expect.poll(() => site.reports.some((r) => r.kind === 'ready' && r.page === path), { timeout: 10_000 }).toBe(true);
  return page;
}

const nativeNotification = (page: Page) => page.evaluate(() => Notification.toString().startsWith('function Notification('));
const iconOf = (page: Page) => page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null);
const overlayShown = (page: Page) => page.evaluate(() => document.documentElement.lastElementChild?.tagName === 'DIV');
/**
 * The colour drawn at the middle of the page, [r, g, b]: a one-pixel screenshot, its PNG read
 * here (the one row is a filter byte, which changes nothing in a first row, then the pixel).
 * Firefox has no way for a test to read the top layer's order, and no hit test tells it.
 */
async function middlePixel(page: Page): Promise<number[]> {
  const { x, y } = await page.evaluate(() => ({ x: Math.floor(innerWidth / 2), y: Math.floor(innerHeight / 2) }));
  const png = Buffer.from(await page.screenshot({ clip: { x, y, width: 1, height: 1 } }));
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  return [...inflateSync(Buffer.concat(data)).subarray(1, 4)];
}
const bright = ([r, g, b]: number[]) => r! < 60 && g! > 200 && b! < 60;

/** The tabs whose address starts with `prefix`, as the extension sees them (BiDi doesn't follow extension pages). */
const tabsAt = (prefix: string) =>
  ff.inExtension(async (api, p) => {
    const tabs = await api.tabs.query({});
    return tabs.filter((t) => t.url?.startsWith(p)).map((t) => ({ url: t.url!, muted: t.mutedInfo?.muted ?? false }));
  }, prefix);
const mutedOf = async (prefix: string) => (await tabsAt(prefix))[0]?.muted ?? null;

describe('Hearth in Firefox', () => {
  // Each test starts with family time off and the site dimmed, whatever the last one left.
  beforeEach(async () => {
    await ff.ask({ type: 'endNow' });
    await ff.ask({ type: 'setSiteMode', id: await siteId(), mode: 'dim' });
  });

  test('the popup, options, welcome and reflection pages load with no error from Hearth', async () => {
    for (const [path, ready] of [
      ['src/ui/popup/index.html', 'h1'],
      ['src/ui/options/index.html', 'h1'],
      ['src/ui/onboarding/index.html', 'h1'],
      ['src/ui/reflection/index.html', 'h1'],
    ] as const) {
      const page = await ff.open(path, ready);
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent?.length ?? 0)).toBeGreaterThan(0);
      if (path.includes('reflection')) {
        // Firefox has no block for what a site's background worker sends: the page says so, and promises nothing more.
        const says = () => page.evaluate(() => document.body.textContent ?? '');
        await expect.poll(says).toContain("Firefox can't hold back what a site sends through its background worker");
        expect(await says()).not.toContain('is held back too');
      }
      await page.close();
    }
    expect(ff.errors()).toEqual([]);
  });

  test('family time holds a work tab\'s notifications, mutes it, hides its counts and dims it; the end gives it all back', async () => {
    const path = '/chat/ff-dim?style=paren';
    const chat = await openChat(path);
    // A work tab the parent muted before family time (a second extension stands in for their click).
    const mutedByParent = await openChat('/chat/ff-own-mute?muted-by-parent=1');
    await expect.poll(() => mutedOf(`${site.origin}/chat/ff-own-mute`)).toBe(true);
    await expect.poll(() => chat.title()).toMatch(/^\(\d+\) Work Chat$/);
    await expect.poll(() => site.count('page-shown'), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => site.count('registration-shown'), { timeout: 10_000 }).toBeGreaterThan(0);

    await ff.ask({ type: 'startFocus', minutes: 30 });
    const began = Date.now();
    await expect.poll(() => nativeNotification(chat)).toBe(false);
    await expect.poll(() => chat.title()).toBe('Work Chat');
    await expect.poll(() => overlayShown(chat)).toBe(true);
    await expect.poll(() => mutedOf(`${site.origin}/chat/ff-dim`)).toBe(true);
    // The page goes on notifying every second; nothing is shown, and it keeps its permission.
    const before = site.reports.filter((r) => r.page === path).length;
    await expect.poll(() => site.reports.filter((r) => r.page === path).length, { timeout: 10_000 }).toBeGreaterThan(before + 2);
    expect(site.count('page-shown', began + 500)).toBe(0);
    expect(site.count('registration-shown', began + 500)).toBe(0);
    expect(site.count('page-not-permitted', began)).toBe(0);
    // What the site's own service worker shows by itself (as a push) still arrives: Firefox
    // gives extensions no block for it (README, per browser).
    await expect.poll(() => site.count('sw-shown', began + 500), { timeout: 10_000 }).toBeGreaterThan(0);

    await ff.ask({ type: 'endNow' });
    await expect.poll(() => nativeNotification(chat)).toBe(true);
    await expect.poll(() => overlayShown(chat)).toBe(false);
    await expect.poll(() => chat.title()).toMatch(/^\(\d+\) Work Chat$/);
    await expect.poll(() => mutedOf(`${site.origin}/chat/ff-dim`)).toBe(false);
    const ended = Date.now();
    await expect.poll(() => site.count('page-shown', ended), { timeout: 10_000 }).toBeGreaterThan(0);
    // Hearth unmutes only what it muted: the parent's own mute is kept.
    expect(await mutedOf(`${site.origin}/chat/ff-own-mute`)).toBe(true);
    await mutedByParent.close();
    await chat.close();
  });

  test('a dimmed page cannot lift its overlay: not by a popover kept from Hearth, a dialog, a new root or writing itself anew', async () => {
    const chat = await openChat('/chat/ff-dim-lift');
    await chat.evaluate(stopToggles);
    await ff.ask({ type: 'startFocus', minutes: 30 });
    await expect.poll(() => overlayShown(chat)).toBe(true);
    const onTop = () => chat.evaluate(overlayOnTop);
    await expect.poll(onTop).toBe(true);
    // A popover, its toggle event kept from Hearth by the page's own listener, put first.
    await chat.evaluate(showOwnPopover);
    expect(await chat.evaluate(() => document.querySelector(':popover-open')?.textContent)).toBe('Sam is typing');
    await expect.poll(async () => bright(await middlePixel(chat)), { timeout: 10_000 }).toBe(false);
    // The same popover closed and opened again, above the overlay once more.
    await chat.evaluate(() => {
      const own = document.querySelector<HTMLElement>(':popover-open')!;
      own.hidePopover();
      own.showPopover();
    });
    await expect.poll(async () => bright(await middlePixel(chat)), { timeout: 10_000 }).toBe(false);
    await chat.evaluate(showOwnModal);
    await expect.poll(onTop).toBe(true);
    await chat.evaluate(swapRoot);
    await expect.poll(onTop).toBe(true);
    await chat.evaluate(writeAnew);
    await expect.poll(onTop).toBe(true);
    await expect.poll(() => chat.title()).toBe('Work Chat');
    await ff.ask({ type: 'endNow' });
    await expect.poll(() => overlayShown(chat)).toBe(false);
    await chat.close();
  });

  test('a work page opened during family time sees notifications as granted, and is not reloaded at the end', async () => {
    await ff.ask({ type: 'setSiteMode', id: await siteId(), mode: 'quiet' });
    await ff.ask({ type: 'startFocus', minutes: 30 });
    const path = '/chat/ff-opened-during';
    const chat = await openChat(path);
    await expect.poll(() => nativeNotification(chat)).toBe(false);
    // Firefox has no block to show: the page sees the parent's own choice, and nothing to nag about.
    expect(await chat.evaluate(() => Notification.permission)).toBe('granted');
    // As a library does as it loads, the page keeps the constructor it sees (a stand-in).
    await chat.evaluate(() => ((window as unknown as { kept: number }).kept = 1));
    await chat.evaluate(keepNotification);
    await ff.ask({ type: 'endNow' });
    await expect.poll(() => nativeNotification(chat)).toBe(true);
    // The same page, never reloaded: Firefox drops no push subscription to mend.
    expect(await chat.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
    // The constructor it kept from family time shows notifications again.
    await expect.poll(() => chat.evaluate(keptNotificationShows), { timeout: 10_000 }).toBe('shown');
    expect(site.reports.filter((r) => r.kind === 'ready' && r.page === path)).toHaveLength(1);
    await chat.close();
  });

  test('a held notification that names a let-through word comes through; others stay held', async () => {
    await ff.ask({ type: 'setSiteMode', id: await siteId(), mode: 'quiet' });
    const added = await ff.ask<{ ok: boolean; rules: { id: string }[] }>({ type: 'addLetThrough', text: 'School office' });
    expect(added.ok).toBe(true);
    const letThroughNow = async () => reflected(await ff.ask<ReflectionSource>({ type: 'reflection' })).letThroughThisWeek;
    const before = (await letThroughNow()).count;
    await ff.ask({ type: 'startFocus', minutes: 30 });
    const chat = await openChat('/chat/ff-let-through?every=60000');
    await expect.poll(() => nativeNotification(chat)).toBe(false);
    await chat.evaluate(() => void new Notification('Sam', { body: 'lunch?' }));
    await chat.evaluate(() => void new Notification('School office', { body: 'Pick-up moved to 3 pm' }));
    // Through the stand-ins, Hearth's isolated script and the worker, which counts it with its rule.
    await expect.poll(letThroughNow, { timeout: 10_000 }).toEqual({ count: before + 1, rules: ['School office'] });
    await ff.ask({ type: 'removeLetThrough', id: added.rules[0]!.id });
    await chat.close();
  });

  test('a short family time ends by itself on its alarm: counts, icon and sound back, the parked thought handed back', async () => {
    const chat = await openChat('/chat/ff-alarm?style=bracket');
    await expect.poll(() => chat.title()).toMatch(/^\[\d+\] Work Chat$/);
    await expect.poll(() => iconOf(chat)).toMatch(/^\/badge\.png\?unread=\d+$/);
    // Family time as a one-off block, long enough for the checks below under any load…
    const setBlockEnd = (fromNow: number) =>
      ff.inExtension(async (api, fromNow) => {
        const { settings } = (await api.storage.local.get('settings')) as { settings: { schedule: { blocks: { start: number }[] } } };
        const now = Date.now();
        const start = settings.schedule.blocks.find((b) => (b as { id?: string }).id === 'ff-alarm')?.start ?? now;
        settings.schedule.blocks = [{ id: 'ff-alarm', label: 'Story time', start, end: now + fromNow } as { start: number }];
        await api.storage.local.set({ settings });
      }, fromNow);
    await setBlockEnd(10 * 60_000);
    await expect.poll(() => chat.title()).toBe('Work Chat');
    await expect.poll(() => iconOf(chat)).toMatch(/#hearth$/);
    await expect.poll(() => mutedOf(`${site.origin}/chat/ff-alarm`)).toBe(true);
    await ff.ask({ type: 'parkThought', text: 'Reply to Sam about the deck' });
    // …then it is made to end in three seconds: its alarm ends it, nobody asks.
    await setBlockEnd(3000);

    // The end comes by itself (a read of status applies nothing, so asking does not end it).
    await expect.poll(() => chat.title(), { timeout: 15_000 }).toMatch(/^\[\d+\] Work Chat$/);
    await expect.poll(() => iconOf(chat)).toMatch(/^\/badge\.png\?unread=\d+$/);
    await expect.poll(() => mutedOf(`${site.origin}/chat/ff-alarm`)).toBe(false);
    const thoughts = await ff.ask<{ handedBack: { text: string }[] }>({ type: 'thoughts' });
    expect(thoughts.handedBack.map((t) => t.text)).toContain('Reply to Sam about the deck');
    await chat.close();
  });

  test('the popup and settings pass axe in Firefox', async () => {
    for (const [path, ready] of [
      ['src/ui/popup/index.html', '#state'],
      ['src/ui/options/index.html', 'main h1'],
    ] as const) {
      const page = await ff.open(path, ready);
      await page.evaluate(await axeSource());
      expect(await page.evaluate(runAxe), path).toEqual([]);
      await page.close();
    }
  });

  test('set aside: a page opened in family time stops before it runs and the calm page takes its place', async () => {
    await ff.ask({ type: 'setSiteMode', id: await siteId(), mode: 'set-aside' });
    await ff.ask({ type: 'startFocus', minutes: 30 });
    const later = await newPage(ff.browser);
    await later.goto(`${site.origin}/chat/ff-later`, { waitUntil: 'none' } as never).catch(() => undefined);
    const calm = `moz-extension://${UUID}/src/ui/calm/index.html`;
    await expect.poll(async () => (await tabsAt(calm)).length, { timeout: 10_000 }).toBe(1);
    expect(decodeURIComponent(new URL((await tabsAt(calm))[0]!.url).hash.slice(1))).toBe(`${site.origin}/chat/ff-later`);
    expect(site.reports.some((r) => r.kind === 'ready' && r.page === '/chat/ff-later')).toBe(false);
    await ff.ask({ type: 'endNow' });
    await expect.poll(async () => (await tabsAt(`${site.origin}/chat/ff-later`)).length, { timeout: 10_000 }).toBe(1);
    await later.close();
  });

  test('an ordinary site cannot tell that Hearth is installed, nor whether family time is on', async () => {
    const page = await newPage(ff.browser);
    await page.goto(`${ordinary.origin}/`);
    const probe = (uuid: string) =>
      page.evaluate(probeExtension, { base: `moz-extension://${uuid}/`, calm: 'src/ui/calm/index.html', origin: ordinary.origin });
    const outside = await probe(UUID);
    expect(outside).toEqual(await probe('00000000-0000-4000-8000-000000000000'));
    await ff.ask({ type: 'startFocus', minutes: 30 });
    expect(await probe(UUID)).toEqual(outside);
    expect(await page.evaluate(() => [Object.getOwnPropertySymbols(window).length, document.documentElement.children.length])).toEqual([0, 2]);
    expect(ordinary.pings).toEqual([]);
    await ff.ask({ type: 'endNow' });
    await page.close();
  });

  test("a work page that answers for the stand-ins' private words in its first script stays quiet, and comes back at the end", async () => {
    await ff.ask({ type: 'setSiteMode', id: await siteId(), mode: 'quiet' });
    await ff.ask({ type: 'startFocus', minutes: 30 });
    // Its first script runs as it is parsed, before the word that began its quiet (see the
    // page): read the page's way, the stand-ins put themselves back at once, and this test fails.
    const page = await newPage(ff.browser);
    await page.goto(`${site.origin}/early-traps.html`);
    await expect.poll(() => mutedOf(`${site.origin}/early-traps.html`)).toBe(true);
    const made = () => page.evaluate(notificationMade);
    expect(await made()).toEqual({ native: false, heldByStandIn: true, asked: 0 });
    // The order to put the page back still comes through, read as Hearth wrote it.
    await ff.ask({ type: 'endNow' });
    await expect.poll(async () => (await made()).native).toBe(true);
    expect(await made()).toEqual({ native: true, heldByStandIn: false, asked: 0 });
    await page.close();
  });

  test('a work page cannot switch its stand-ins off, find them, or be handed their link', async () => {
    await ff.ask({ type: 'setSiteMode', id: await siteId(), mode: 'quiet' });
    const chat = await openChat('/chat/ff-hostile');
    await chat.evaluate(saveNotification);
    await ff.ask({ type: 'startFocus', minutes: 30 });
    await expect.poll(() => nativeNotification(chat)).toBe(false);
    const tried = await chat.evaluate(() => {
      for (const name of ['hearth:restore', 'hearth-link:ready', 'hearth:held']) for (let i = 0; i < 50; i++) window.dispatchEvent(new CustomEvent(name));
      let stolen = 0;
      addEventListener('hearth-link', (e) => (stolen += (e as MessageEvent).ports.length), true);
      window.dispatchEvent(new Event('hearth-link:ready'));
      const handle = (window as unknown as Record<symbol, unknown>)[Symbol.for('hearth.quiet.main')];
      return { stolen, handle: typeof handle, symbols: Object.getOwnPropertySymbols(window).length };
    });
    expect(tried).toEqual({ stolen: 0, handle: 'undefined', symbols: 0 });
    expect(await nativeNotification(chat)).toBe(false);
    // A pristine Notification from a blank frame, a srcdoc frame or a popup, taken the moment
    // each is made. The browser takes a moment to hand newly registered scripts to a page
    // already open: wait until a blank frame made now gets them, then try every route.
    await expect.poll(() => chat.evaluate(blankFrameGetsStandIns)).toBe(true);
    // Firefox ESR 140.12 runs the registered scripts in a fresh blank frame or popup a
    // moment after it is made, no longer at once: a page reaching in at once gets the
    // browser's own (docs/trust.md, README). A srcdoc frame loads first, and has them.
    // Earlier versions ran them at once, and held every route. Either is taken, each whole.
    const routes = await chat.evaluate(tryRoutes);
    const atOnce = routes.blankFrame === 'stand-in';
    const got = atOnce ? 'stand-in' : 'native';
    expect({ ...routes, shown: routes.shown!.split(',').sort().join(',') }).toEqual({
      prototypeConstructor: 'stand-in',
      inheritedGetter: 'stand-in',
      indexOnly: got,
      blankFrame: got,
      blankByIndex: got,
      srcdocFrame: 'stand-in',
      popup: got,
      shown: atOnce ? 'none' : 'blank,index,index-only,popup',
    });
    // What no extension can close on Firefox, said in docs/trust.md and the README: a
    // constructor saved before family time, the page's own workers, and a blank frame (here
    // one with a fragment) reached into the moment it is made, still notify.
    // If Firefox ever lets an extension reach them, this fails: then close them, and say so.
    expect(await chat.evaluate(tryUnreachableRoutes)).toEqual({ savedConstructor: 'shown', dedicatedWorker: 'shown', sharedWorker: 'shown', blankFragmentFrame: 'shown' });
    await ff.ask({ type: 'endNow' });
    await expect.poll(() => nativeNotification(chat)).toBe(true);
    await expect.poll(() => chat.evaluate(framesNative)).toEqual(['native', 'native', 'native']);
    expect(await chat.evaluate(() => Notification.prototype.constructor === Notification)).toBe(true);
    await chat.close();
    expect(ff.errors()).toEqual([]);
  });
});
