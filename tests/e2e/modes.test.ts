// Dim and set-aside modes in real Chromium: a calm overlay or a calm page says
// when the site will be back, and a gentle way through opens it for a while.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { CALM, launch, type Hearth } from './harness';
import { fightHost, fullscreenOnKey, moveHost, overlayOnTop, showOwnModal, showOwnPopover, showShadowModal, stopToggles, swapRoot, writeAnew } from '../fixtures/overlayLifts';
import { ask, closePages, exposed, muteOf, openChat, overlayShown, quietFixtureOnly, storedRecords } from './helpers';

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

const shown = (page: Page) => overlayShown(hearth, page);
/** The element the parent's keyboard is on inside the overlay, by its accessible name. */
const focusedInOverlay = async (page: Page) => {
  const cdp = await hearth.context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; properties?: { name: string; value: { value: unknown } }[]; name?: { value: string } }[];
    };
    const focused = nodes.filter((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return focused.at(-1)?.name?.value ?? null;
  } finally {
    await cdp.detach();
  }
};
/** What the clipboard holds, pasted as a parent would (Ctrl+V) into a field of a page of its own. */
async function pasted(): Promise<string> {
  const page = await hearth.context.newPage();
  try {
    await page.setContent('<label>Paste here <textarea></textarea></label>');
    const field = page.getByRole('textbox', { name: 'Paste here' });
    await field.focus();
    await page.keyboard.press('ControlOrMeta+V');
    return await field.inputValue();
  } finally {
    await page.close();
  }
}
async function overrides(): Promise<string[]> {
  const page = await hearth.open(CALM);
  const events = await storedRecords<{ type: string; detail?: string }>(page, 'events');
  await page.close();
  return events.filter((e) => e.type === 'override').map((e) => e.detail ?? '');
}

describe('dim and set aside', () => {
  test('dim lays a calm overlay over the work page, with a way through that lifts it', async () => {
    const chat = await openChat(hearth, site, '/chat/dim');
    expect(await shown(chat)).toBe(false);
    // A page that, before family time, put itself first in line for every dialog and popover
    // opening, and keeps them from anyone after it.
    await chat.evaluate(stopToggles);

    await ask(hearth, { type: 'startFocus', minutes: 30 });
    await expect.poll(() => shown(chat), { timeout: 3000 }).toBe(true);
    expect((await exposed(hearth, chat)).some((line) => /^StaticText: 127\.0\.0\.1 can wait until/.test(line))).toBe(true);
    expect(await muteOf(hearth, chat.url())).toBe(true);
    // No extension page is framed: the overlay is drawn in place, out of the page's reach.
    expect(chat.frames()).toHaveLength(1);

    // The overlay is on top of everything and the page behind is inert; the keyboard
    // rests on the calm heading (a keystroke meant for the work page goes nowhere),
    // and one Tab reaches the way through.
    expect(await pageTakesFocus(chat)).toBe(false);
    const overlayHost = () => chat.evaluate(overlayOnTop);
    expect(await overlayHost()).toBe(true);
    // What a screen reader is given of the work page: the named overlay, nothing behind it.
    const given = (await exposed(hearth, chat)).filter((line) => !line.startsWith('generic:'));
    expect(given.slice(0, 3)).toEqual(['RootWebArea: Work Chat', 'dialog: Hearth: this can wait', 'heading: This can wait']);
    expect(given).toContain('button: Go through for 10 minutes');
    expect(given.filter((line) => !/^(RootWebArea|dialog|heading|button|StaticText|InlineTextBox|paragraph)/.test(line))).toEqual([]);
    // The page opening a modal of its own doesn't get above the overlay.
    await chat.evaluate(showOwnModal);
    await expect.poll(overlayHost).toBe(true);
    // Nor does its root swapped for another, or the page written anew.
    await chat.evaluate(swapRoot);
    await expect.poll(overlayHost).toBe(true);
    expect(await shown(chat)).toBe(true);
    await chat.evaluate(writeAnew);
    await expect.poll(overlayHost).toBe(true);
    await expect.poll(() => shown(chat)).toBe(true);
    // Its title still keeps no count.
    await expect.poll(() => chat.title()).toBe('Work Chat');
    await chat.keyboard.press('Enter');
    expect(await shown(chat)).toBe(true);
    await chat.keyboard.press('Escape');
    expect(await shown(chat)).toBe(true);
    // A click the page makes up itself is no way through.
    await chat.evaluate(() => document.documentElement.lastElementChild?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    await chat.keyboard.press('Tab');
    await expect.poll(() => focusedInOverlay(chat)).toBe('Go through for 10 minutes');
    expect(await shown(chat)).toBe(true);
    await chat.keyboard.press('Enter');
    await expect.poll(() => shown(chat), { timeout: 3000 }).toBe(false);
    await chat.evaluate(() => document.querySelector('dialog')?.close());
    expect(await pageTakesFocus(chat)).toBe(true);
    // Through, but still quiet: the way through lifts only the overlay.
    expect(await muteOf(hearth, chat.url())).toBe(true);
    expect(await chat.title()).toBe('Work Chat');
    await expect.poll(overrides).toContain('way-through:10');

    await ask(hearth, { type: 'endNow' });
    await closePages(chat);
  });

  test('a page that loads dimmed cannot put anything of its own above the overlay, nor hang its tab fighting it', async () => {
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const page = await openChat(hearth, site, '/chat/dim-loaded');
    await expect.poll(() => shown(page), { timeout: 3000 }).toBe(true);
    // What the browser's top layer holds last, on top: an inert element behind a modal
    // dialog is no hit under the point, so only the browser can say what is drawn above.
    const topmost = async () => {
      const cdp = await hearth.context.newCDPSession(page);
      try {
        await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
        const { nodeIds } = (await cdp.send('DOM.getTopLayerElements' as 'DOM.getDocument')) as unknown as { nodeIds: number[] };
        const last = nodeIds.at(-1);
        if (last === undefined) return null;
        const { node } = await cdp.send('DOM.describeNode', { nodeId: last });
        const attributes = node.attributes ?? [];
        return attributes[attributes.indexOf('aria-label') + 1] ?? node.localName;
      } finally {
        await cdp.detach();
      }
    };
    const OURS = 'Hearth: this can wait';
    expect(await topmost()).toBe(OURS);
    // A popover, with the toggle event stopped for anyone after the page.
    await page.evaluate(stopToggles);
    await page.evaluate(showOwnPopover);
    await expect.poll(topmost).toBe(OURS);
    expect(await page.evaluate(() => document.querySelector(':popover-open')?.textContent)).toBe('Sam is typing');
    // A modal dialog in a shadow root of its own.
    await page.evaluate(showShadowModal);
    await expect.poll(topmost).toBe(OURS);
    // Fullscreen on the parent's next key.
    await page.evaluate(fullscreenOnKey);
    await page.keyboard.press('Shift');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.localName ?? null)).toBe('html');
    await expect.poll(topmost).toBe(OURS);
    // The overlay moved out of the top layer.
    await page.evaluate(moveHost);
    await expect.poll(topmost).toBe(OURS);
    await expect.poll(() => page.evaluate(overlayOnTop)).toBe(true);
    // Taken out as often as it comes: the tab keeps answering, and the end still puts it back.
    await page.evaluate(fightHost);
    for (let i = 0; i < 5; i++) expect(await page.evaluate(() => document.title)).toBe('Work Chat');
    await ask(hearth, { type: 'endNow' });
    await expect.poll(() => page.title(), { timeout: 5000 }).toMatch(/^(\(\d+\) )?Work Chat$/);
    await closePages(page);
  });

  test('a dimmed page that makes its root an <svg> still has the overlay over it', async () => {
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const page = await openChat(hearth, site, '/chat/dim-svg');
    await expect.poll(() => shown(page), { timeout: 3000 }).toBe(true);
    const OURS = 'Hearth: this can wait';
    // Its root an <svg>, its words in a foreignObject: the overlay shows over it
    // still, with its way through, and the page's words stay out of reach.
    await page.evaluate(() => {
      const SVG = 'http://www.w3.org/2000/svg';
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('width', '100%');
      svg.setAttribute('height', '100%');
      const words = document.createElementNS(SVG, 'foreignObject');
      words.setAttribute('width', '100%');
      words.setAttribute('height', '100%');
      const div = document.createElement('div');
      div.textContent = 'Work words under the overlay';
      words.append(div);
      svg.append(words);
      document.replaceChild(svg, document.documentElement);
    });
    const given = () => exposed(hearth, page);
    await expect.poll(given).toEqual(expect.arrayContaining([`dialog: ${OURS}`, 'StaticText: This can wait', expect.stringMatching(/^button: Go through/)]));
    expect((await given()).filter((line) => line.includes('Work words'))).toEqual([]);
    await ask(hearth, { type: 'endNow' });
    await expect.poll(async () => (await exposed(hearth, page)).filter((line) => line.startsWith('dialog:'))).toEqual([]);
    await closePages(page);
  });

  test('set aside: new loads go to a calm page that shows the address and goes back to exactly it; pages already open stay, under the overlay', async () => {
    await ask(hearth, { type: 'setSiteMode', id: siteId, mode: 'set-aside' });
    const open = await openChat(hearth, site, '/chat/open?style=paren');
    const openUrl = open.url();

    await ask(hearth, { type: 'startFocus', minutes: 30 });
    // A tab already open is not sent away (whatever was typed there stays): the calm overlay covers it.
    await expect.poll(() => shown(open), { timeout: 3000 }).toBe(true);
    expect(open.url()).toBe(openUrl);
    expect(await pageTakesFocus(open)).toBe(false);

    // A page opened during family time is set aside before it loads.
    // Addresses with a query and a hash of their own, kept to the letter.
    const laterUrl = new URL(`${site.origin}/chat/later?room=7&q=a%20b&t=\`x\`#msg-12`).href;
    const anotherUrl = `${site.origin}/chat/another?thread=3#reply`;
    const later = await hearth.context.newPage();
    await later.goto(laterUrl);
    await expect.poll(() => later.url(), { timeout: 3000 }).toContain(CALM);
    // Stopped before it ran: the fixture's page script never said it was ready.
    expect(site.reports.some((r) => r.kind === 'ready' && r.page === '/chat/later')).toBe(false);
    await expect.poll(() => later.getByText(/can wait until/).count()).toBe(1);
    await expect.poll(() => later.title()).toBe('127.0.0.1 can wait — Hearth');

    const another = await hearth.context.newPage();
    await another.goto(anotherUrl);
    await expect.poll(() => another.url(), { timeout: 3000 }).toContain(CALM);

    // The calm page shows the address plainly, and copies it.
    const address = later.getByRole('group', { name: 'The page you were going to' });
    expect(await address.getByRole('code').textContent()).toBe(laterUrl);
    await address.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => address.getByRole('status').textContent()).toBe('Copied');
    expect(await pasted()).toBe(laterUrl);

    // The way through takes the parent to exactly where they were going.
    await later.getByRole('button', { name: 'Go through for 10 minutes' }).click();
    await expect.poll(() => later.url(), { timeout: 5000 }).toBe(laterUrl);

    // When family time ends, a tab still set aside goes back to its page, and the overlay lifts.
    await ask(hearth, { type: 'endNow' });
    await expect.poll(() => another.url(), { timeout: 5000 }).toBe(anotherUrl);
    await expect.poll(() => shown(open), { timeout: 3000 }).toBe(false);
    expect(open.url()).toBe(openUrl);
    await closePages(open, later, another);
  });

  test('the calm page with no address to go back to: the way through is said, and the end of family time is too', async () => {
    await ask(hearth, { type: 'setSiteMode', id: siteId, mode: 'set-aside' });
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const calm = await hearth.open(`${CALM}?site=${siteId}`);
    await calm.getByRole('button', { name: 'Go through for 10 minutes' }).click();
    await expect.poll(() => calm.getByRole('status').textContent()).toMatch(/^Open until .+\. Then it can wait again\.$/);
    // The button went: focus rests on the heading rather than falling to the page.
    await expect.poll(() => calm.evaluate(() => document.activeElement?.textContent)).toBe('This can wait');
    await ask(hearth, { type: 'endNow' });
    await calm.reload();
    await calm.getByRole('heading', { name: '127.0.0.1 is back' }).waitFor();
    await expect.poll(() => calm.title()).toBe('127.0.0.1 is back — Hearth');
    await closePages(calm);
  });
});
