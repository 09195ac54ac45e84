// The heart of Hearth, in real Chromium against a fixture work chat on 127.0.0.1:
// during family time nothing from the work site reaches the parent, its tabs are
// muted and its unread counts hidden; afterwards everything is as it was.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reflected } from '../fixtures/reflection';
import { keepNotification, keptNotificationShows, notificationMade } from '../fixtures/routes';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { serveOrdinarySite } from '../fixtures/ordinarySite';
import type { ReflectionSource } from '../../src/core/reflection';
import { launch, type Hearth } from './harness';
import { ask, closePages, iconLinkOf, inSight, muteOf, openChat, quietFixtureOnly, sleep, tabIconOf } from './helpers';
import { profileAllowingNotifications } from './profile';

let site: FixtureServer;
let hearth: Hearth;

const SHOWN = ['page-shown', 'registration-shown', 'sw-shown'] as const;
/** What of the page's app badge reached the browser (the chat notes it as the browser would show it). */
const appBadgeOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { appBadge: { shown: number | string | null; calls: number } }).appBadge);
const shownSince = (since: number) => SHOWN.reduce((n, kind) => n + site.count(kind, since), 0);
beforeAll(async () => {
  site = await serveFixtures();
  hearth = await launch(await profileAllowingNotifications(site.origin), { withMuter: true });
  await quietFixtureOnly(hearth, 'quiet');
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

describe('a work site during family time', () => {
  test('notifications are held, tabs muted and counts hidden, then everything comes back', async () => {
    const chat = await openChat(hearth, site, '/chat/a?style=paren');
    const mutedByParent = await openChat(hearth, site, '/chat/b?style=bracket');
    // This tab was muted before family time, by something other than Hearth (as the
    // parent's own mute is): a second extension stands in for the parent's click.
    const muter = hearth.context.serviceWorkers().find((w) => w.url().endsWith('/muter.js'))!;
    await muter.evaluate((u) => (globalThis as unknown as { muteTab(u: string): Promise<unknown> }).muteTab(u), mutedByParent.url());
    expect(await muteOf(hearth, mutedByParent.url())).toBe(true);

    // Before: the fixture really notifies and counts.
    const before = Date.now();
    await expect.poll(() => shownSince(before), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => chat.title(), { timeout: 5000 }).toMatch(/^\(\d+\) Work Chat$/);
    expect(await iconLinkOf(chat)).toMatch(/^\/badge\.png\?unread=\d+$/);
    await expect.poll(() => tabIconOf(hearth, chat.url()), { timeout: 3000 }).toMatch(/\/badge\.png\?unread=\d+$/);
    await expect.poll(() => appBadgeOf(chat)).toMatchObject({ shown: expect.any(Number) });

    // Family time on.
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');
    await expect.poll(() => mutedByParent.title(), { timeout: 3000 }).toBe('Work Chat');
    expect(await muteOf(hearth, chat.url())).toBe(true);
    const quietFrom = Date.now() + 300;
    await sleep(3500);
    expect(shownSince(quietFrom)).toBe(0);
    // A page open before family time keeps its view of the parent's permission, so it doesn't nag.
    expect(await chat.evaluate(() => Notification.permission)).toBe('granted');
    // The site keeps counting underneath; the title stays quiet.
    expect(await chat.locator('#unread').textContent()).not.toBe('0');
    expect(await chat.title()).toBe('Work Chat');
    // The badged tab icon gives way to a plain one: for a page open before family time
    // (whose icon may already carry a badge), a quiet dot drawn in the URL itself, since
    // Hearth fetches nothing from the site.
    expect(await iconLinkOf(chat)).toMatch(/^data:image\/svg\+xml,.+#hearth$/);
    await expect.poll(() => tabIconOf(hearth, chat.url()), { timeout: 3000 }).toMatch(/^data:image\/svg\+xml,.+#hearth$/);
    expect(site.count('favicon-requested')).toBe(0);
    // The app's icon badge (an installed web app's count) was cleared as family time began,
    // and the site's asks since then are held.
    const badgeAtStart = await appBadgeOf(chat);
    expect(badgeAtStart.shown).toBeNull();
    const unreadThen = await chat.locator('#unread').textContent();
    await expect.poll(() => chat.locator('#unread').textContent(), { timeout: 5000 }).not.toBe(unreadThen);
    expect(await appBadgeOf(chat)).toEqual(badgeAtStart);
    // A tab whose count stops changing during family time gets back the last badge it asked
    // for (a click, so Hearth leaves this tab as it is rather than reloading it).
    await mutedByParent.locator('h1').click();
    await mutedByParent.evaluate(() => {
      for (let id = 1; id < 10_000; id++) clearInterval(id);
      void navigator.setAppBadge?.(42);
    });

    // A work tab opened during family time is quiet from its first moment, and its
    // plain icon is the one its page declared.
    const late = await openChat(hearth, site, '/chat/c?style=bullet');
    await expect.poll(async () => await muteOf(hearth, late.url()), { timeout: 3000 }).toBe(true);
    expect(await late.title()).toBe('Work Chat');
    // Its address was open as family time began, and the parent had allowed it: it sees that
    // choice, not the block, once its plan comes (README, per browser).
    await expect.poll(() => late.evaluate(() => Notification.permission)).toBe('granted');
    // As a library does as it loads, the page keeps the constructor it sees (a stand-in).
    await late.evaluate(keepNotification);
    await expect.poll(() => iconLinkOf(late), { timeout: 3000 }).toBe(`${site.origin}/icon.png#hearth`);
    // The site stops counting after one last badge: that badge is what comes back at the
    // end. (A click, so Hearth leaves this tab as it is rather than reloading it.)
    await late.locator('h1').click();
    await late.evaluate(() => {
      for (let id = 1; id < 10_000; id++) clearInterval(id);
      // As badge libraries do: a new address, then the link put back to make the browser look again.
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]')!;
      link.href = '/badge.png?unread=99';
      link.remove();
      document.head.append(link);
    });
    await expect.poll(() => iconLinkOf(late), { timeout: 3000 }).toBe(`${site.origin}/icon.png#hearth`);

    // The worker stopped mid-boundary: nothing comes undone, and a new tab still goes quiet.
    await hearth.stopWorker();
    const afterStop = await openChat(hearth, site, '/chat/d?style=star');
    await expect.poll(async () => afterStop.title(), { timeout: 3000 }).toBe('Work Chat');
    await expect.poll(async () => await muteOf(hearth, afterStop.url()), { timeout: 3000 }).toBe(true);
    expect(shownSince(quietFrom)).toBe(0);

    // Family time ends: the parent's own permission, sound and titles are back.
    await ask(hearth, { type: 'endNow' });
    await expect.poll(() => chat.title(), { timeout: 3000 }).toMatch(/^\(\d+\) Work Chat$/);
    await expect.poll(() => mutedByParent.title(), { timeout: 3000 }).toMatch(/^\[\d+\] Work Chat$/);
    await expect.poll(() => iconLinkOf(chat), { timeout: 3000 }).toMatch(/^\/badge\.png\?unread=\d+$/);
    await expect.poll(() => iconLinkOf(late), { timeout: 3000 }).toBe('/badge.png?unread=99');
    expect(await muteOf(hearth, chat.url())).toBe(false);
    expect(await muteOf(hearth, late.url())).toBe(false);
    expect(await muteOf(hearth, mutedByParent.url())).toBe(true);
    expect(await chat.evaluate(() => Notification.permission)).toBe('granted');
    await expect.poll(() => appBadgeOf(mutedByParent)).toMatchObject({ shown: 42 });
    await expect.poll(() => appBadgeOf(chat)).toMatchObject({ shown: expect.any(Number) });
    const after = Date.now();
    await expect.poll(() => shownSince(after), { timeout: 5000 }).toBeGreaterThan(0);
    // The constructor the page kept from family time shows notifications again.
    await expect.poll(() => late.evaluate(keptNotificationShows), { timeout: 5000 }).toBe('shown');

    // What the open tabs' stand-ins held back is counted for reflection.
    const held = async () => reflected(await ask<ReflectionSource>(hearth, { type: 'reflection' })).heldThisWeek;
    await expect.poll(held).toBeGreaterThan(0);
    await closePages(chat, mutedByParent, late, afterStop);
  });

  test('out of sight, a work tab whose title flashes a message holds it still; in sight, the site\'s own title shows', async () => {
    const chat = await openChat(hearth, site, '/chat/e?style=blink');
    const flashing = (on: boolean) => chat.evaluate((value) => void ((window as unknown as { flashing: boolean }).flashing = value), on);
    // Before: the chat flashes its message in the title, as title-alert libraries do.
    await flashing(true);
    await expect.poll(() => chat.title(), { timeout: 5000 }).toBe('New message from Sam');
    await flashing(false);
    await expect.poll(() => chat.title(), { timeout: 5000 }).toBe('Work Chat');
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    // The parent is elsewhere; a message comes, and the chat flashes it.
    await inSight(hearth, chat, false);
    await chat.evaluate(() => {
      // Every title the page shows, a task after each change (Hearth answers a change at once).
      const seen: string[] = [];
      new MutationObserver(() => setTimeout(() => seen.push(document.title))).observe(document.head, { childList: true, subtree: true, characterData: true });
      (window as unknown as { titlesSeen: string[] }).titlesSeen = seen;
    });
    await flashing(true);
    const flashed = () => chat.evaluate(() => (window as unknown as { flashed?: number }).flashed ?? 0);
    const before = await flashed();
    // Two flashes of its message, and a tick after the second.
    await expect.poll(async () => (await flashed()) - before, { timeout: 8000 }).toBeGreaterThanOrEqual(2);
    const seen = () => chat.evaluate(() => (window as unknown as { titlesSeen: string[] }).titlesSeen);
    const count = (await seen()).length;
    await expect.poll(async () => (await seen()).length, { timeout: 5000 }).toBeGreaterThan(count);
    expect((await seen()).filter((title) => title !== 'Work Chat')).toEqual([]);
    // The chat stops, its last word a message of its own: held too, while out of sight.
    await chat.evaluate(() => {
      clearInterval((window as unknown as { ticking: number }).ticking);
      document.title = 'Sam: are you home?';
    });
    await expect.poll(async () => (await seen()).at(-1)).toBe('Work Chat');
    expect(await chat.title()).toBe('Work Chat');
    // In sight again: the site's latest title at once (it writes nothing more), its
    // message too, as it has no count to hide.
    await inSight(hearth, chat, true);
    await expect.poll(() => chat.title(), { timeout: 5000 }).toBe('Sam: are you home?');
    await ask(hearth, { type: 'endNow' });
    await closePages(chat);
  });

  test("a work page that answers for the stand-ins' private words in its first script stays quiet, and comes back at the end", async () => {
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    // Its first script runs as it is parsed; the word that began its quiet, sent as Hearth's
    // scripts ran before it, arrives in a task of its own after it (see the page): read the
    // page's way, the stand-ins put themselves back at once, and this test fails.
    const page = await hearth.context.newPage();
    await page.goto(`${site.origin}/early-traps.html`);
    await expect.poll(() => muteOf(hearth, page.url()), { timeout: 3000 }).toBe(true);
    const made = () => page.evaluate(notificationMade);
    expect(await made()).toEqual({ native: false, heldByStandIn: true, asked: 0 });

    // The order to put the page back still comes through, read as Hearth wrote it.
    await ask(hearth, { type: 'endNow' });
    await expect.poll(async () => (await made()).native).toBe(true);
    expect(await made()).toEqual({ native: true, heldByStandIn: false, asked: 0 });
    await closePages(page);
  });

  test('a work page that puts in a new head, puts its title where no title was watched, or fights over its icon: counts stay out, and the tab answers', async () => {
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const chat = await openChat(hearth, site, '/chat/f?style=paren');
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');
    await chat.evaluate(() => clearInterval((window as unknown as { ticking: number }).ticking));
    const quietIcon = /#hearth$/;

    // A new <head>, with a count in its title and a badge in its icon.
    await chat.evaluate(() => {
      const head = document.createElement('head');
      head.innerHTML = '<title>(7) Work Chat</title><link rel="icon" href="/badge.png?unread=7">';
      document.documentElement.replaceChild(head, document.head);
    });
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');
    await expect.poll(() => iconLinkOf(chat), { timeout: 3000 }).toMatch(quietIcon);

    // A title before <head>, the root's own child: the page's title now.
    await chat.evaluate(() => {
      const title = document.createElement('title');
      title.id = 'early';
      title.textContent = '(6) Work Chat';
      document.documentElement.insertBefore(title, document.head);
    });
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');

    // A title inside an element of <head>, before the head's own.
    await chat.evaluate(() => {
      document.getElementById('early')?.remove();
      const holder = document.createElement('div');
      document.head.prepend(holder);
      const title = document.createElement('title');
      title.textContent = '(11) Work Chat';
      holder.append(title);
    });
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');

    // The page's own watcher points its icon back at its badge each time Hearth changes it.
    await chat.evaluate(() => {
      const link = document.querySelector('link[rel~="icon"]')!;
      const badge = '/badge.png?unread=9';
      const fights = new MutationObserver(() => link.getAttribute('href') !== badge && link.setAttribute('href', badge));
      fights.observe(link, { attributes: true });
      (window as unknown as { fights: MutationObserver }).fights = fights;
      link.setAttribute('href', badge);
    });
    // The tab answers (a page and Hearth writing back and forth would hang it), a task later and again a second later.
    await chat.evaluate(() => new Promise((answered) => setTimeout(answered)));
    await chat.evaluate(() => new Promise((answered) => setTimeout(answered, 1000)));
    expect(await chat.evaluate(() => document.title)).toBe('Work Chat');
    // The page stops fighting: Hearth looks again, and the icon is quiet again.
    await chat.evaluate(() => (window as unknown as { fights: MutationObserver }).fights.disconnect());
    await expect.poll(() => iconLinkOf(chat), { timeout: 10_000 }).toMatch(quietIcon);

    // A page that loads now and draws its count on its icon as it loads, before
    // DOMContentLoaded (a single-page app's module script): that drawing is not taken as its plain icon.
    const drawn = await hearth.context.newPage();
    await drawn.goto(`${site.origin}/drawn-icon.html`);
    await expect.poll(() => iconLinkOf(drawn), { timeout: 3000 }).toMatch(/^data:image\/svg\+xml,.+#hearth$/);
    await expect.poll(() => tabIconOf(hearth, drawn.url()), { timeout: 5000 }).toMatch(/^data:image\/svg\+xml,.+#hearth$/);

    // At the end, the site's own: its latest title, and the icon it fought for.
    // The parent clicks in it, so it is not reloaded at the end (a tab nobody touched is).
    await chat.mouse.click(2, 2);
    await ask(hearth, { type: 'endNow' });
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('(11) Work Chat');
    await expect.poll(() => iconLinkOf(chat), { timeout: 3000 }).toBe('/badge.png?unread=9');
    await closePages(chat, drawn);
  });

  test('a tab that goes on from a work page to another site has its sound back; back on the work site, it is muted again', async () => {
    const ordinary = await serveOrdinarySite();
    try {
      await ask(hearth, { type: 'startFocus', minutes: 30 });
      const tab = await openChat(hearth, site, '/chat/g?style=paren');
      await expect.poll(() => muteOf(hearth, tab.url()), { timeout: 3000 }).toBe(true);
      const worker = await hearth.worker();
      const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, tab.url());
      // By its id: Hearth (and this test's worker) has no access to the other site, so no address to look it up by.
      const muted = () => worker.evaluate(async (id) => (await chrome.tabs.get(id)).mutedInfo?.muted, tabId);

      // The parent puts on something for the children in the same tab.
      await tab.goto(`${ordinary.origin}/cartoon`);
      await expect.poll(muted, { timeout: 8000 }).toBe(false);
      // A work page again: muted again.
      await tab.goto(`${site.origin}/chat/g?style=paren`);
      await expect.poll(muted, { timeout: 3000 }).toBe(true);
      await ask(hearth, { type: 'endNow' });
      await closePages(tab);
    } finally {
      await ordinary.close();
    }
  });
});
