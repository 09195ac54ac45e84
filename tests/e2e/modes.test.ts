// Dim and set-aside modes in real Chromium: a calm overlay or a calm page says
// when the site will be back, and a gentle way through opens it for a while.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { CALM, launch, type Hearth } from './harness';
import { ask, closePages, muteOf, openChat, quietFixtureOnly, storedRecords } from './helpers';

let site: FixtureServer;
let hearth: Hearth;
let siteId: string;

beforeAll(async () => {
  site = await serveFixtures();
  hearth = await launch();
  await quietFixtureOnly(hearth, 'dim');
  const view = await ask<{ sites: { site: { id: string } }[] }>(hearth, { type: 'sites' });
  siteId = view.sites[0]!.site.id;
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

/** Whether the work page's own controls can take focus (not while the overlay is up). */
const pageTakesFocus = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('button');
    document.body.append(probe);
    probe.focus();
    const took = document.activeElement === probe;
    probe.remove();
    return took;
  });

const calmFrame = (page: Page): Frame | undefined => page.frames().find((f) => f.url().includes(CALM));

async function overrides(): Promise<string[]> {
  const page = await hearth.open(CALM);
  const events = await storedRecords<{ type: string; detail?: string }>(page, 'events');
  await page.close();
  return events.filter((e) => e.type === 'override').map((e) => e.detail ?? '');
}

describe('dim and set aside', () => {
  test('dim lays a calm overlay over the work page, with a way through that lifts it', async () => {
    const chat = await openChat(hearth, site, '/chat/dim');
    expect(calmFrame(chat)).toBeUndefined();

    await ask(hearth, { type: 'startFocus', minutes: 30 });
    await expect.poll(() => calmFrame(chat) !== undefined, { timeout: 3000 }).toBe(true);
    const frame = calmFrame(chat)!;
    await expect.poll(() => frame.getByRole('heading', { name: 'This can wait' }).count()).toBe(1);
    expect(await frame.getByText(/127\.0\.0\.1 can wait until/).count()).toBe(1);
    expect(await muteOf(hearth, chat.url())).toBe(true);

    // The overlay is on top of everything and the page behind is inert; the keyboard
    // rests on the calm heading (a keystroke meant for the work page goes nowhere),
    // and one Tab reaches the way through.
    expect(await pageTakesFocus(chat)).toBe(false);
    expect(await chat.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName)).toBe('HEARTH-CALM');
    // What a screen reader is given of the work page: the named overlay, nothing behind it.
    const cdp = await hearth.context.newCDPSession(chat);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    const exposed = nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
    expect(exposed).toEqual(['RootWebArea: Work Chat', 'dialog: Hearth: this can wait', 'Iframe: Hearth: this can wait']);
    await cdp.detach();
    // The page opening a modal of its own doesn't get above the overlay.
    await chat.evaluate(() => {
      const own = Object.assign(document.createElement('dialog'), { textContent: 'New message from Sam' });
      document.body.append(own);
      own.showModal();
    });
    await expect.poll(() => chat.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName)).toBe('HEARTH-CALM');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('This can wait');
    expect(await frame.title()).toBe('Hearth: this can wait');
    await chat.keyboard.press('Enter');
    expect(calmFrame(chat)).toBeDefined();
    await chat.keyboard.press('Escape');
    expect(calmFrame(chat)).toBeDefined();
    await chat.keyboard.press('Tab');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('Go through for 10 minutes');
    await chat.keyboard.press('Enter');
    await expect.poll(() => calmFrame(chat) === undefined, { timeout: 3000 }).toBe(true);
    await chat.evaluate(() => document.querySelector('dialog')?.close());
    expect(await pageTakesFocus(chat)).toBe(true);
    // Through, but still quiet: the way through lifts only the overlay.
    expect(await muteOf(hearth, chat.url())).toBe(true);
    expect(await chat.title()).toBe('Work Chat');
    await expect.poll(overrides).toContain('way-through:10');

    await ask(hearth, { type: 'endNow' });
    await closePages(chat);
  });

  test('a dimmed tab whose host access is taken back puts itself back, since Hearth can no longer reach it', async () => {
    const chat = await openChat(hearth, site, '/chat/revoked?style=paren');
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    await expect.poll(() => calmFrame(chat) !== undefined, { timeout: 3000 }).toBe(true);
    await expect.poll(() => chat.title()).toBe('Work Chat');
    expect(await chat.evaluate(() => Notification.name)).not.toBe('Notification');
    // A frame of the same site has stand-ins of its own.
    await chat.evaluate(async () => {
      const frame = Object.assign(document.createElement('iframe'), { src: '/chat/framed', name: 'framed' });
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    });
    const framed = chat.frame({ name: 'framed' })!;
    await expect.poll(() => framed.evaluate(() => Notification.name)).not.toBe('Notification');

    // The word the worker sends every tab when the parent takes access back in the
    // browser's settings (the test build's access can't be taken back, so it is sent here).
    const worker = await hearth.worker();
    await worker.evaluate(async (origin) => {
      const tabs = await chrome.tabs.query({});
      await Promise.all(tabs.map((t) => chrome.tabs.sendMessage(t.id!, { type: 'hearth:access-gone', origins: [origin] }).catch(() => undefined)));
    }, '*://127.0.0.1/*');
    await expect.poll(() => calmFrame(chat) === undefined, { timeout: 3000 }).toBe(true);
    await expect.poll(() => chat.title(), { timeout: 3000 }).toMatch(/^\(\d+\) Work Chat$/);
    expect(await chat.evaluate(() => Notification.name)).toBe('Notification');
    expect(await framed.evaluate(() => Notification.name)).toBe('Notification');

    await ask(hearth, { type: 'endNow' });
    await closePages(chat);
  });

  test('set aside: new loads go to a calm page that keeps the address; pages already open stay, under the overlay', async () => {
    await ask(hearth, { type: 'setSiteMode', id: siteId, mode: 'set-aside' });
    const open = await openChat(hearth, site, '/chat/open?style=paren');
    const openUrl = open.url();

    await ask(hearth, { type: 'startFocus', minutes: 30 });
    // A tab already open is not sent away (whatever was typed there stays): the calm overlay covers it.
    await expect.poll(() => calmFrame(open) !== undefined, { timeout: 3000 }).toBe(true);
    expect(open.url()).toBe(openUrl);
    expect(await pageTakesFocus(open)).toBe(false);

    // A page opened during family time is set aside before it loads.
    const later = await hearth.context.newPage();
    await later.goto(`${site.origin}/chat/later`);
    await expect.poll(() => later.url(), { timeout: 3000 }).toContain(CALM);
    expect(new URL(later.url()).hash.slice(1)).toBe(`${site.origin}/chat/later`);
    await expect.poll(() => later.getByText(/can wait until/).count()).toBe(1);
    await expect.poll(() => later.title()).toBe('127.0.0.1 can wait — Hearth');

    const another = await hearth.context.newPage();
    await another.goto(`${site.origin}/chat/another`);
    await expect.poll(() => another.url(), { timeout: 3000 }).toContain(CALM);

    // The way through takes the parent to where they were going.
    await later.getByRole('button', { name: 'Go through for 10 minutes' }).click();
    await expect.poll(() => later.url(), { timeout: 5000 }).toBe(`${site.origin}/chat/later`);

    // When family time ends, a tab still set aside goes back to its page, and the overlay lifts.
    await ask(hearth, { type: 'endNow' });
    await expect.poll(() => another.url(), { timeout: 5000 }).toBe(`${site.origin}/chat/another`);
    await expect.poll(() => calmFrame(open) === undefined, { timeout: 3000 }).toBe(true);
    expect(open.url()).toBe(openUrl);
    await closePages(open, later, another);
  });
});
