// "Nothing leaves": Hearth sends no network request of its own, ever (DESIGN.md,
// trust lines). Across a replayed day — many short family times coming on and going
// off by themselves, heads-up and welcome back on, a dimmed and a set-aside work tab
// open, and every one of Hearth's pages opened and used — nothing Hearth runs (its
// worker, its pages, its scripts inside work pages) asks the network for anything.
//
// Three recorders, each shown to work by a deliberate request (a positive control,
// then left out by its address):
// - Playwright's request events: every page's requests and, in Playwright 1.65 on
//   Chromium, the service worker's too (`request.serviceWorker()`), across its stops
//   and starts. Hearth's worker and pages are told by their chrome-extension:// address.
// - DevTools' Network domain on every work tab, for the initiator's stack: Hearth's
//   scripts run inside work pages, whose own traffic is the page's. A request is
//   Hearth's when the code that made it is not the page's own script, or when nothing
//   of the page's asked for it and the page never names that address.
// - Chromium's NetLog: every URL request of the browser from its first instant, with
//   the origin that started it. It sees what the others can't: requests before anything
//   attached, and WebSocket handshakes (no request event for those).
// Requests for chrome-extension:// (Hearth's own files), data: and blob: are not network.
// What no recorder can tell apart: a load with no script behind it, in a work page, of an
// address the page names itself (its own icon). Hearth's icon watcher only ever points
// at the page's own declared icon or a dot drawn in a data: URL (src/content/favicons.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { CALM, POPUP, badgeText, launch, type Hearth } from './harness';
import { ask, closePages, overlayShown, quietFixtureOnly, storedRecords } from './helpers';

const OPTIONS = 'src/ui/options/index.html';
const ONBOARDING = 'src/ui/onboarding/index.html';
const REFLECTION = 'src/ui/reflection/index.html';
const HANDOFF = 'src/ui/handoff/index.html';
/** Hearth's pages, by their folder: each must be opened (and used) during the run. */
const PAGE_KINDS = ['popup', 'options', 'onboarding', 'reflection', 'calm', 'handoff'];

/** Short family times and the gaps between them: long enough for a loaded machine to apply each, short enough for many. */
const ON_MS = 2500;
const OFF_MS = 2500;
const LONGER_ON_MS = 7000;
const BLOCKS_PER_PART = 6;

const NETWORK = /^(https?|wss?):/i;
const exact = { exact: true } as const;

let site: FixtureServer;
let hearth: Hearth;
let netLogDir: string;
let closed = false;

beforeAll(async () => {
  site = await serveFixtures();
  netLogDir = await mkdtemp(join(tmpdir(), 'hearth-netlog-'));
  // Default capture: each request's address and initiator, without cookies or bodies.
  hearth = await launch(undefined, { args: [`--log-net-log=${join(netLogDir, 'net.json')}`, '--net-log-capture-mode=Default'] });
});
afterAll(async () => {
  if (!closed) await hearth?.close();
  await site?.close();
  if (netLogDir) await rm(netLogDir, { recursive: true, force: true });
});

interface Seen {
  /** What made it: Hearth's worker, one of its pages, its script in a work page, or (NetLog) its origin. */
  by: string;
  method: string;
  url: string;
}

/**
 * The fixture chat's own addresses (tests/fixtures/work-chat): its page, script, worker,
 * icons, sound and reports. A work page's request with no script of its own behind it
 * (an icon, an image, a stylesheet the DOM asked for) is the page's only if the page
 * names that address itself; anything else was put there by someone else.
 */
const OWN_PATHS = /^\/(chat\/.*|chat\.js|sw\.js|icon\.png|badge\.png|tone\.wav|report)$/;

test(
  'across a replayed day of short family times, Hearth makes no network request',
  { timeout: 240_000 },
  async () => {
    const { context, id } = hearth;
    const base = `chrome-extension://${id}/`;
    const ours: Seen[] = [];
    /** Work-tab loads nobody in the test asked for: set-aside tabs going back, tabs reloaded at the end. */
    const loadsByHearth: string[] = [];
    const gotos = new Map<string, number>();
    /** Addresses the parent (the test) opened in a tab: the only ones Hearth may load for them again. */
    const opened = new Set<string>();
    const controlUrl = (name: string, scheme = 'http') => `${scheme}://${new URL(site.origin).host}/control/${name}`;

    // -- Recorder 1: Playwright's request events, pages and service workers alike.
    context.on('request', (request) => {
      const url = request.url();
      if (!NETWORK.test(url)) return;
      const worker = request.serviceWorker();
      if (worker) {
        // The fixture chat's own worker is the site's, not Hearth's.
        if (worker.url().startsWith(base)) ours.push({ by: 'worker', method: request.method(), url });
        return;
      }
      if (request.isNavigationRequest()) {
        // A tab loading a work page: the test's own goto, or Hearth taking a tab back to
        // the page the parent had open (set aside, then family time ends; a reload at the end).
        const left = gotos.get(url) ?? 0;
        if (left > 0) gotos.set(url, left - 1);
        else loadsByHearth.push(url);
        return;
      }
      const frame = request.frame();
      if (frame.url().startsWith(base) || frame.page()?.url().startsWith(base)) {
        ours.push({ by: `page ${new URL(frame.url()).pathname}`, method: request.method(), url });
      }
      // Requests of work pages are judged by recorder 2, which sees who made them.
    });

    // -- Recorder 2: every work tab, watched from before it loads.
    const workTabs: Page[] = [];
    // The test runs no script of its own in work pages, so every script there is the page's or Hearth's.
    const fromPage = (url: string) => url.startsWith(`${site.origin}/`);
    async function openWork(path: string): Promise<Page> {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      type Frame = { url: string };
      type Stack = { callFrames: Frame[]; parent?: Stack };
      const firstFrame = (stack?: Stack): Frame | undefined => (stack ? (stack.callFrames[0] ?? firstFrame(stack.parent)) : undefined);
      const judge = (url: string, method: string, documentURL: string | undefined, initiator: { type: string; stack?: Stack; url?: string }) => {
        // The calm page standing in for a set-aside work page is Hearth's page: recorder 1 has it.
        if (!NETWORK.test(url) || documentURL?.startsWith(base)) return;
        // The code that called: a page's handler Hearth's stand-in merely calls back is still the page's.
        const caller = firstFrame(initiator.stack)?.url ?? initiator.url;
        if (caller !== undefined && initiator.type === 'script') {
          if (!fromPage(caller)) ours.push({ by: `script in a work page (${caller || 'injected function'})`, method, url });
          return;
        }
        const own = url.startsWith(`${site.origin}/`) && OWN_PATHS.test(new URL(url).pathname);
        if (!own) ours.push({ by: `work page, not an address it names (${initiator.type})`, method, url });
      };
      cdp.on('Network.requestWillBeSent', (e) => {
        if (e.type === 'Document') return; // navigations: recorder 1
        judge(e.request.url, e.request.method, e.documentURL, e.initiator as never);
      });
      cdp.on('Network.webSocketCreated', (e) => judge(e.url, 'WEBSOCKET', undefined, (e.initiator ?? { type: 'other' }) as never));
      await cdp.send('Network.enable');
      const url = `${site.origin}${path}`;
      gotos.set(url, (gotos.get(url) ?? 0) + 1);
      opened.add(url);
      workTabs.push(page);
      await page.goto(url);
      return page;
    }
    const ready = (path: string) => expect.poll(() => site.reports.some((r) => r.kind === 'ready' && r.page === path)).toBe(true);

    // Hearth's pages opened during the run (the first-run page opened itself at install).
    const pageKinds = new Map<string, number>();
    const counted = new WeakSet<Page>();
    const notePage = (page: Page) => {
      const url = page.url();
      if (!url.startsWith(`${base}src/ui/`) || counted.has(page)) return;
      counted.add(page);
      const kind = url.slice(`${base}src/ui/`.length).split('/')[0]!;
      pageKinds.set(kind, (pageKinds.get(kind) ?? 0) + 1);
    };
    const watchPage = (page: Page) => {
      notePage(page);
      page.on('framenavigated', (frame) => frame === page.mainFrame() && notePage(page));
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);

    // A quiet extension document (an image: no script of Hearth's) to read Hearth's database from.
    const reader = await hearth.open('icons/icon-16.png');
    type Event = { type: string; label: string; occurrenceKey: string };
    const events = () => storedRecords<Event>(reader, 'events');
    const ended = async (label: string) => (await events()).some((e) => e.type === 'boundary-end' && e.label === label);

    // -- Positive controls: one deliberate request through each door, each seen by the recorder that must see it.
    const controls = {
      worker: controlUrl('worker'),
      page: controlUrl('page'),
      contentScript: controlUrl('content-script'),
      workerRestarted: controlUrl('worker-restarted'),
      // No page or worker target reports a WebSocket's handshake to Playwright; the NetLog has it.
      workerSocket: controlUrl('worker-socket', 'ws'),
    };
    const controlPath = (url: string) => {
      const u = new URL(url);
      return u.host === new URL(site.origin).host && u.pathname.startsWith('/control/') ? u.pathname : null;
    };
    const sawControl = (url: string, by: RegExp) => ours.some((s) => controlPath(s.url) === controlPath(url) && by.test(s.by));
    const worker = await hearth.worker();
    expect(await worker.evaluate((u) => fetch(u).then((r) => r.status), controls.worker)).toBe(404);
    await expect.poll(() => sawControl(controls.worker, /^worker$/)).toBe(true);
    await worker.evaluate((u) => void new WebSocket(u), controls.workerSocket);
    const popup = await hearth.open(POPUP);
    expect(await popup.evaluate((u) => fetch(u).then((r) => r.status), controls.page)).toBe(404);
    await expect.poll(() => sawControl(controls.page, /^page \/src\/ui\/popup\//)).toBe(true);
    await popup.close();

    // -- First run: the welcome page, walked through to Done (it keeps the default times).
    const welcome = await hearth.open(ONBOARDING);
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Hearth', ...exact }).waitFor();
    await welcome.getByRole('button', { name: 'Next', ...exact }).click();
    await welcome.getByRole('heading', { level: 2, name: 'When is family time?', ...exact }).waitFor();
    await welcome.getByRole('button', { name: 'Next', ...exact }).click();
    await welcome.getByRole('button', { name: 'Done', ...exact }).click();
    await welcome.getByText("Hearth is ready. You can change all of this any time in Hearth's settings.", exact).waitFor();
    await welcome.close();

    // The fixture chat as the one work site (dim first), no recurring windows: the test
    // decides when family time is on. A heads-up a minute ahead, so one comes before every short family time.
    await quietFixtureOnly(hearth, 'dim');
    const { settings } = await ask<{ settings: { preferences: Record<string, unknown> } }>(hearth, { type: 'settings' });
    expect(
      await ask(hearth, { type: 'savePreferences', preferences: { ...settings.preferences, headsUp: true, headsUpMinutes: 1, handoff: true } }),
    ).toMatchObject({ ok: true });

    // The dimmed work tab, open all day; Hearth's own world in it makes the third control's request.
    const dimmed = await openWork('/chat/dimmed');
    await ready('/chat/dimmed');
    await worker.evaluate(
      async ({ page, url }) => {
        const [tab] = await chrome.tabs.query({ url: page });
        await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: (u: string) => void fetch(u), args: [url] });
      },
      { page: dimmed.url(), url: controls.contentScript },
    );
    await expect.poll(() => sawControl(controls.contentScript, /^script in a work page/)).toBe(true);

    // -- A focus block from the popup, a thought parked in it, ended early and handed back.
    const focus = await hearth.open(POPUP);
    await focus.getByRole('button', { name: '15 minutes', ...exact }).click();
    await expect.poll(() => overlayShown(hearth, dimmed), { timeout: 5000 }).toBe(true);
    const field = focus.getByRole('textbox', { name: 'A work thought to come back to later' });
    await field.fill('Reply to Sam about the deck');
    await field.press('Enter');
    await expect.poll(() => focus.getByText(/^Parked\. It will be here after/).count()).toBe(1);
    await focus.getByRole('button', { name: 'End family time now' }).click();
    await expect.poll(() => focus.getByRole('region', { name: 'Thoughts you parked' }).count()).toBe(1);
    await focus.getByRole('button', { name: 'Done: Reply to Sam about the deck' }).click();
    await expect.poll(() => focus.getByText('Reply to Sam about the deck').count()).toBe(0);
    await focus.close();

    // -- The replayed day: short one-off family times that come on and go off by themselves
    // (one alarm each way: unpacked extensions may set alarms under Chromium's 30 s minimum).
    const lateBy: number[] = [];
    /** `longer`: blocks the test does something in, given time for it on a loaded machine. */
    async function replay(part: string, longer: number[], during: (index: number) => Promise<void>) {
      const current = await ask<{ settings: { schedule: { blocks: unknown[] } } }>(hearth, { type: 'settings' });
      let at = Date.now() + 2000;
      const blocks = Array.from({ length: BLOCKS_PER_PART }, (_, i) => {
        const length = longer.includes(i) ? LONGER_ON_MS : ON_MS;
        const block = { id: `${part}-${i + 1}`, label: `${part} ${i + 1}`, start: at, end: at + length };
        at += length + OFF_MS;
        return block;
      });
      const saved = await ask(hearth, { type: 'saveSchedule', schedule: { windows: [], blocks: [...current.settings.schedule.blocks, ...blocks], skips: [] } });
      expect(saved).toMatchObject({ ok: true });
      for (const [index, block] of blocks.entries()) {
        await during(index);
        await expect.poll(() => ended(block.label), { timeout: block.end - Date.now() + 10_000, interval: 100 }).toBe(true);
        lateBy.push(Date.now() - block.end);
      }
      return blocks;
    }

    const dimBlocks = await replay('Dim', [2], async (index) => {
      if (index === 2) {
        // A work page opened during family time: Hearth's scripts are in it from its first
        // line, and its icon watcher keeps the icon the page declared.
        await expect.poll(() => badgeText(hearth), { timeout: 10_000, interval: 100 }).toBe('on');
        await openWork('/chat/opened-during');
        await ready('/chat/opened-during');
      }
      if (index !== 0) return;
      // The heads-up before it invites parking a thought: it waits for the family time ahead.
      const before = await hearth.open(POPUP);
      const field = before.getByRole('textbox', { name: 'A work thought to come back to later' });
      await field.fill('Book the dentist');
      await field.press('Enter');
      // Parked (read from the worker, not the popup's passing word: on a loaded machine the
      // family time may begin while the popup says it, and the popup changes with it).
      const parked = async () => {
        const { waiting, handedBack } = await ask<{ waiting: { text: string }[]; handedBack: { text: string }[] }>(hearth, { type: 'thoughts' });
        return [...waiting, ...handedBack].some((t) => t.text === 'Book the dentist');
      };
      await expect.poll(parked, { timeout: 10_000 }).toBe(true);
      await before.close();
      // The worker stopped mid-family-time, as Chromium stops an idle one; whatever wakes it
      // (the alarm for the end, a work tab's report), what it does then is recorded too:
      // the last control is made by the worker started again.
      await expect.poll(() => badgeText(hearth), { timeout: ON_MS + 10_000, interval: 100 }).toBe('on');
      await hearth.stopWorker();
      await hearth.nextStart(ON_MS + 10_000);
    });

    // Set aside from the settings page, between two family times.
    const options = await hearth.open(OPTIONS);
    await options.getByRole('heading', { level: 1, name: 'Hearth settings', ...exact }).waitFor();
    await options.getByRole('combobox', { name: 'How to quiet 127.0.0.1', ...exact }).selectOption({ label: 'Set aside' });
    await expect
      .poll(async () => (await ask<{ sites: { site: { mode: string } }[] }>(hearth, { type: 'sites' })).sites[0]?.site.mode)
      .toBe('set-aside');
    await options.close();

    // A work page opened during the first of these is set aside: the calm page takes its place, then gives it back.
    const asideUrl = `${site.origin}/chat/aside`;
    const asideBlocks = await replay('Aside', [0], async (index) => {
      if (index !== 0) return;
      await expect.poll(() => badgeText(hearth), { timeout: 10_000, interval: 100 }).toBe('on');
      const aside = await openWork('/chat/aside');
      await expect.poll(() => aside.url(), { timeout: 5000 }).toContain(CALM);
      await expect.poll(() => aside.getByText(/can wait until/).count()).toBe(1);
      await expect.poll(() => aside.url(), { timeout: 15_000 }).toBe(asideUrl);
    });

    // -- After the day: the welcome back page hands back the thought parked before it, and reflection looks back.
    const handoff = await hearth.open(HANDOFF);
    await handoff.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await handoff.getByRole('button', { name: 'Done: Book the dentist' }).click();
    await expect.poll(() => handoff.getByText('Book the dentist').count()).toBe(0);
    await handoff.close();
    const reflection = await hearth.open(REFLECTION);
    await reflection.getByRole('heading', { level: 1, name: 'Your family time' }).waitFor();
    await reflection.getByRole('group', { name: 'Family time, last 7 days', ...exact }).waitFor();
    await reflection.getByRole('button', { name: 'Last 30 days', ...exact }).click();
    await reflection.getByRole('group', { name: 'Family time, last 30 days', ...exact }).waitFor();
    await reflection.close();

    // Every short family time came and went by itself, with its heads-up and welcome back.
    // (Soft: a day that went wrong is reported, and so is every request found in it.)
    const all = await events();
    const transitions = all.filter((e) => e.type === 'boundary-start' || e.type === 'boundary-end');
    for (const block of [...dimBlocks, ...asideBlocks]) {
      expect.soft(transitions.filter((e) => e.label === block.label).map((e) => e.type).sort(), block.label).toEqual(['boundary-end', 'boundary-start']);
    }
    const last = asideBlocks.at(-1)!;
    const notices = await (await hearth.worker()).evaluate(() => chrome.storage.local.get('noticesShown'));
    expect.soft(notices.noticesShown).toEqual({
      'hearth-heads-up': `block:${last.id}:${last.start}`,
      'hearth-welcome-back': `block:${last.id}:${last.start}`,
    });

    // The last control: the worker, stopped once during the day and started again, is still recorded.
    const restarted = await hearth.worker();
    expect(await restarted.evaluate((u) => fetch(u).then((r) => r.status), controls.workerRestarted)).toBe(404);
    await expect.poll(() => sawControl(controls.workerRestarted, /^worker$/)).toBe(true);

    await closePages(...workTabs);
    await reader.close();
    // -- Recorder 3: the NetLog is whole once the browser has closed.
    await hearth.close();
    closed = true;
    const fromNetLog = await netLogRequests(join(netLogDir, 'net.json'), `chrome-extension://${id}`);
    // Its controls: the worker's and the page's requests carry Hearth's origin (a script in
    // a work page carries the page's, which is why recorder 2 looks at the stack instead).
    for (const url of [controls.worker, controls.page, controls.workerRestarted]) expect(fromNetLog.map((s) => s.url)).toContain(url);
    // And a WebSocket's handshake, which no other recorder is told of.
    expect(fromNetLog.some((s) => controlPath(s.url) === '/control/worker-socket')).toBe(true);

    const found = [...ours, ...fromNetLog].filter((s) => controlPath(s.url) === null);
    const pages = [...pageKinds.values()].reduce((a, b) => a + b, 0);
    console.log(
      `network: ${transitions.length} transitions, ${pages} extension pages, ${found.length} requests by Hearth\n` +
        `  pages: ${[...pageKinds].map(([k, n]) => `${k} ${n}`).join(', ')}; transitions seen at most ${Math.max(...lateBy)} ms late;` +
        ` work-tab loads Hearth made for the parent (set-aside tabs going back, untouched tabs reloaded as family time ends): ${loadsByHearth.length}`,
    );

    expect(transitions.length).toBeGreaterThanOrEqual(20);
    expect([...pageKinds.keys()].sort()).toEqual([...PAGE_KINDS].sort());
    // Hearth loads a work page only where the parent already was (a set-aside tab going back, a reload at the end).
    expect(loadsByHearth.filter((url) => !opened.has(url))).toEqual([]);
    // Each different request once, with how often it was made.
    const listed = new Map<string, number>();
    for (const s of found) listed.set(`${s.by}: ${s.method} ${s.url}`, (listed.get(`${s.by}: ${s.method} ${s.url}`) ?? 0) + 1);
    expect([...listed].map(([what, times]) => (times > 1 ? `${what} (×${times})` : what))).toEqual([]);
  },
);

/**
 * Every URL request in a NetLog started by `origin` (its initiator, or the site its
 * cache and connections are keyed to), navigations left to recorder 1.
 */
async function netLogRequests(path: string, origin: string): Promise<Seen[]> {
  const text = await readFile(path, 'utf8');
  const log = JSON.parse(text) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; method?: string; initiator?: string; network_isolation_key?: string; request_type?: string } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const seen: Seen[] = [];
  for (const { type, params } of log.events) {
    if (type !== start || !params?.url || !NETWORK.test(params.url)) continue;
    if (params.request_type === 'main frame' || params.request_type === 'sub frame') continue;
    if (params.initiator === origin || params.network_isolation_key?.includes(origin)) {
      seen.push({ by: `NetLog, started by ${params.initiator}`, method: params.method ?? '', url: params.url });
    }
  }
  return seen;
}
