// Pages that try to learn of, or undo, the parent's family time (docs/trust.md).
// An ordinary site (not listed: `localhost`, beside the listed 127.0.0.1) probes for
// Hearth by every web route, in family time and out of it; a listed work page tries
// to switch its stand-ins off and to inflate what reflection counts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { probeExtension, serveOrdinarySite, type OrdinarySite } from '../fixtures/ordinarySite';
import { blankFrameHasStandIns, saveNotification, tryRoutes, tryUnreachableRoutes } from '../fixtures/routes';
import { reflected } from '../fixtures/reflection';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import type { ReflectionSource } from '../../src/core/reflection';
import { CALM, launch, type Hearth } from './harness';
import { ask, closePages, openChat, quietFixtureOnly } from './helpers';
import { profileAllowingNotifications } from './profile';

let site: FixtureServer;
let hearth: Hearth;
let ordinary: OrdinarySite;

beforeAll(async () => {
  site = await serveFixtures();
  ordinary = await serveOrdinarySite();
  // The parent allowed the work chat's notifications earlier, so its pages really notify.
  hearth = await launch(await profileAllowingNotifications(site.origin));
  await quietFixtureOnly(hearth, 'set-aside');
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
  await ordinary?.close();
});

/** Everything an ordinary page can try, for Hearth's id and for an id no extension has. */
const probe = (page: Page, id: string) =>
  page.evaluate(probeExtension, { base: `chrome-extension://${id}/`, calm: CALM, origin: ordinary.origin });

/** What an ordinary page can see of the world it runs in. */
const ownWorld = (page: Page) =>
  page.evaluate(() => ({
    symbols: Object.getOwnPropertySymbols(window).map(String),
    extraChildren: [...document.documentElement.children].map((e) => e.tagName),
    notificationNative: Notification.toString().startsWith('function Notification('),
  }));

describe('an ordinary site', () => {
  test('cannot tell that Hearth is installed, nor whether family time is on, by fetching, framing or opening its pages', async () => {
    const page = await hearth.context.newPage();
    await page.goto(`${ordinary.origin}/`);
    const noSuchExtension = 'abcdefghijklmnopabcdefghijklmnop';

    const outside = await probe(page, hearth.id);
    const outsideWorld = await ownWorld(page);
    // Hearth answers exactly as an extension that isn't there.
    expect(outside).toEqual(await probe(page, noSuchExtension));

    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const during = await probe(page, hearth.id);
    expect(during).toEqual(outside);
    expect(await ownWorld(page)).toEqual(outsideWorld);
    expect(outsideWorld).toEqual({ symbols: [], extraChildren: ['HEAD', 'BODY'], notificationNative: true });

    // A page opening Hearth's calm page in a window of its own gets nowhere either.
    const popup = await page.evaluate((url) => {
      const w = window.open(url);
      return w !== null;
    }, `chrome-extension://${hearth.id}/${CALM}?site=x#${ordinary.origin}/ping-popup`);
    if (popup) {
      const opened = await hearth.context.waitForEvent('page');
      await opened.waitForLoadState().catch(() => undefined);
      expect(opened.url()).not.toContain(`${ordinary.origin}/ping`);
      await opened.close();
    }
    // The calm page never sent anything to the probing site's server.
    expect(ordinary.pings).toEqual([]);

    await ask(hearth, { type: 'endNow' });
    await closePages(page);
  });
});

describe('a listed work page during family time', () => {
  test('cannot switch its notification stand-ins off, find them, be handed their link, or inflate what is counted', async () => {
    await ask(hearth, { type: 'setSiteMode', id: (await ask<{ sites: { site: { id: string } }[] }>(hearth, { type: 'sites' })).sites[0]!.site.id, mode: 'quiet' });
    // Open before family time, as a work tab left open all day is: its stand-ins are
    // injected into a page whose code is already running.
    const chat = await openChat(hearth, site, '/chat/hostile');
    await chat.evaluate(saveNotification);
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const began = Date.now();
    const standIn = () => chat.evaluate(() => !Notification.toString().startsWith('function Notification('));
    await expect.poll(standIn).toBe(true);

    const attempts = await chat.evaluate(async () => {
      const tried: string[] = [];
      // The old control events, and the old global handle.
      for (const name of ['hearth:restore', 'hearth-link:ready', 'hearth:held']) {
        for (let i = 0; i < 50; i++) window.dispatchEvent(new CustomEvent(name));
        tried.push(name);
      }
      const handle = (window as unknown as Record<symbol, unknown>)[Symbol.for('hearth.quiet.main')];
      tried.push(`handle:${typeof handle}`);
      // Listening for the link, then asking for it again, hoping to be handed a port.
      let stolen = 0;
      addEventListener('hearth-link', (e) => (stolen += (e as MessageEvent).ports.length), true);
      window.dispatchEvent(new Event('hearth-link:ready'));
      tried.push(`stolen:${stolen}`);
      tried.push(`symbols:${Object.getOwnPropertySymbols(window).length}`);
      // A pristine Notification from a fresh same-origin frame is the browser's own (the
      // contentSettings block holds it on Chromium; see README for Firefox).
      await new Promise((r) => setTimeout(r, 200));
      return tried;
    });
    expect(attempts).toEqual(['hearth:restore', 'hearth-link:ready', 'hearth:held', 'handle:undefined', 'stolen:0', 'symbols:0']);
    expect(await standIn()).toBe(true);
    // The stand-ins read as the browser's own: native code, the real prototype and statics,
    // and a notification made with them looks like one shown.
    expect(
      await chat.evaluate(() => {
        const n = new Notification('Hi', { body: 'there', tag: 't' });
        const show = ServiceWorkerRegistration.prototype.showNotification;
        return {
          native: [Notification, show, navigator.setAppBadge, navigator.clearAppBadge].map((f) =>
            Function.prototype.toString.call(f).includes('[native code]'),
          ),
          shape: [
            n instanceof Notification,
            n instanceof EventTarget,
            Object.getPrototypeOf(n) === Notification.prototype,
            n.constructor === Notification,
            Notification.name,
            show.name,
            navigator.setAppBadge.name,
          ],
          notification: [n.title, n.body, n.tag, Notification.permission, typeof n.close, typeof n.addEventListener],
        };
      }),
    ).toEqual({
      native: [true, true, true, true],
      shape: [true, true, true, true, 'Notification', 'showNotification', 'setAppBadge'],
      notification: ['Hi', 'there', 't', 'granted', 'function', 'function'],
    });
    // A pristine Notification from a blank frame, a srcdoc frame or a popup, taken the moment each is made.
    // The browser takes a moment to hand newly registered scripts to a page already open:
    // wait until a blank frame made now gets them, then try every route.
    await expect.poll(() => chat.evaluate(blankFrameHasStandIns)).toBe(true);
    expect(await chat.evaluate(tryRoutes)).toEqual({
      prototypeConstructor: 'stand-in',
      inheritedGetter: 'stand-in',
      indexOnly: 'stand-in',
      blankFrame: 'stand-in',
      blankByIndex: 'stand-in',
      srcdocFrame: 'stand-in',
      popup: 'stand-in',
      shown: 'none',
    });
    // Where no stand-in reaches (a constructor saved before family time, the page's own
    // workers, a blank frame with a fragment), the browser's own block refuses it.
    expect(await chat.evaluate(tryUnreachableRoutes)).toEqual({ savedConstructor: 'error', dedicatedWorker: 'error', sharedWorker: 'error', blankFragmentFrame: 'error' });

    // The page goes on notifying once a second; nothing is shown while family time is on.
    const reportsBefore = site.reports.filter((r) => r.page === '/chat/hostile').length;
    await expect.poll(() => site.reports.filter((r) => r.page === '/chat/hostile').length).toBeGreaterThan(reportsBefore);
    expect(site.count('page-shown', began)).toBe(0);
    // The page still sees the permission it had: the stand-ins were not put aside.
    expect(site.count('page-not-permitted', began)).toBe(0);

    await ask(hearth, { type: 'endNow' });
    const seconds = (Date.now() - began) / 1000;
    // The page's own Notification again at the end (on Chromium an untouched background tab
    // is also reloaded, for its push subscription; Firefox's test checks the frames in place).
    await expect.poll(() => chat.evaluate(() => Notification.toString().startsWith('function Notification('))).toBe(true);
    // What was held is counted once each, not per forged report.
    const held = async () => reflected(await ask<ReflectionSource>(hearth, { type: 'reflection' })).heldThisWeek;
    await expect.poll(held).toBeGreaterThan(0);
    // Each second the chat notifies from the page and, once the browser has its registration
    // ready, through it: up to two a second, beside the one made above to check the shape
    // and the four tried through frames and a popup. The 50 forged held events would be far more.
    expect(await held()).toBeLessThanOrEqual(2 * Math.ceil(seconds) + 2 + 5);
    await closePages(chat);
  });

  test('a tab closed moments after holding a notification still has it counted', async () => {
    const held = async () => reflected(await ask<ReflectionSource>(hearth, { type: 'reflection' })).heldThisWeek;
    const before = await held();
    // One notification every 5 s: the tab is closed well inside the minutes Hearth waits
    // before reporting, so only what it says as it goes away can count it.
    const chat = await openChat(hearth, site, '/chat/closing?every=5000');
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const began = Date.now();
    await expect.poll(() => chat.evaluate(() => !Notification.toString().startsWith('function Notification('))).toBe(true);
    await expect.poll(() => site.count('registration-not-shown', began), { timeout: 8000 }).toBeGreaterThan(0);
    await chat.close();
    await ask(hearth, { type: 'endNow' });
    await expect.poll(held).toBeGreaterThan(before);
  });
});
