// Content scripts exist only during family time and only on work sites: they
// are registered as a boundary is armed, a few seconds before it starts (and
// injected into work tabs already open, told when to turn quiet), and
// unregistered at its end, when every open work tab is put back. The calm overlay
// is its own script, for dimmed and set-aside sites only, and so is the let-through
// matcher, for sites with let-through words only.
import { browser, type Scripting } from '../ext';
import { sameList } from '../../core/lists';
import asideFile from '../../content/aside.ts?iife';
import overlayFile from '../../content/calm-overlay.ts?iife';
import letThroughFile from '../../content/let-through.ts?iife';
import quietMainFile from '../../content/quiet-main.ts?iife';
import quietFile from '../../content/quiet.ts?iife';
import { installStandIns } from '../../content/standins';
import type { AccessGonePush, PlanPush, TabPlan } from '../../messages';
import { isLive, settle } from './tabs';

const MAIN_ID = 'hearth-quiet-main';
const ISOLATED_ID = 'hearth-quiet';
const ASIDE_ID = 'hearth-aside';
const OVERLAY_ID = 'hearth-overlay';
const LET_THROUGH_ID = 'hearth-let-through';

/** A script for some work sites only, leaving out pages a more specific listed site claims. */
export interface Registration {
  matches: string[];
  exclude: string[];
}

export interface Restored {
  tabId: number;
  /** The parent typed or clicked in the tab during family time. */
  touched: boolean;
}

// storage.session: the patterns open work tabs were last brought to (injected, or put
// back), written only once every tab is done. The worker may be stopped between
// registering and reaching the tabs; the registration alone then says "done" when it
// is not, and a tab would keep its overlay after family time (or miss it during).
const TABS_KEY = 'quietTabs';

const none: Registration = { matches: [], exclude: [] };

/** The top-frame scripts only some work sites get. */
export interface Extras {
  aside: Registration;
  overlay: Registration;
  letThrough: Registration;
}

/**
 * Registers the scripts for `patterns` (none: unregisters), the set-aside stop, the calm
 * overlay and the let-through matcher for the sites that have them, and injects into open
 * tabs, which turn quiet at `from` (null: now). Returns the tabs put back.
 */
export async function applyContentScripts(
  patterns: string[],
  extras: Extras = { aside: none, overlay: none, letThrough: none },
  from: number | null = null,
): Promise<Restored[]> {
  // Every registration of Hearth's, and what the tabs were last brought to, asked at once:
  // at the end each answer waited for in turn is a turn behind every tab being given back.
  const [all, { [TABS_KEY]: stored }] = await Promise.all([browser.scripting.getRegisteredContentScripts(), browser.storage.session.get(TABS_KEY)]);
  await Promise.all([
    applyRegistration(all, ASIDE_ID, asideFile, extras.aside),
    applyRegistration(all, OVERLAY_ID, overlayFile, extras.overlay),
    applyRegistration(all, LET_THROUGH_ID, letThroughFile, extras.letThrough),
  ]);
  const current = all.filter((s) => s.id === MAIN_ID || s.id === ISOLATED_ID);
  const registered = current.find((s) => s.id === ISOLATED_ID)?.matches ?? [];
  // No record (a new browser session, whose tabs load afresh under the registered scripts): the registration.
  const recorded = Array.isArray(stored);
  const inTabs: string[] = recorded ? stored : registered;
  const registeredNow = current.length === 2 && sameList(registered, patterns);
  if (registeredNow && sameList(inTabs, patterns)) return [];

  if (!registeredNow) {
    // The record first: if the worker stops once the registration has changed, the next
    // run must not take the registration for the tabs.
    if (!recorded) await browser.storage.session.set({ [TABS_KEY]: inTabs });
    if (current.length) await browser.scripting.unregisterContentScripts({ ids: current.map((s) => s.id) });
    if (patterns.length) {
      await browser.scripting.registerContentScripts([
        // In every frame, before the site's own code runs; each frame's two scripts link up
        // privately at document_start (see standinsLink.ts). matchOriginAsFallback reaches the
        // site's blank, srcdoc and popup windows too, as they are created, before the page can
        // take a pristine Notification from one (both browsers run them there synchronously).
        { id: ISOLATED_ID, js: [quietFile], matches: patterns, runAt: 'document_start', allFrames: true, matchOriginAsFallback: true },
        { id: MAIN_ID, js: [quietMainFile], matches: patterns, runAt: 'document_start', allFrames: true, world: 'MAIN', matchOriginAsFallback: true },
      ]);
    }
  }
  if (patterns.length) {
    // Injecting twice is harmless: a tab that has Hearth's script keeps it, and its stand-ins.
    const { live, frozen } = await tabsOn(patterns);
    await Promise.all(live.map((id) => inject(id, from)));
    // A tab the browser froze to save energy can't answer now, but its injection waits
    // for it: sent without waiting, it runs when the parent comes back to the tab.
    for (const id of frozen) void inject(id, from);
  }
  // Every pattern a tab may still be quieted for: registered, or reached by a run that was cut short.
  const released = [...new Set([...registered, ...inTabs])].filter((p) => !patterns.includes(p));
  // (Nothing released: nothing to put back, and no tab to look for.)
  const [quietNow, releasedTabs] = await Promise.all([tabsOn(released.length ? patterns : []), tabsOn(released)]);
  const stillQuiet = new Set([...quietNow.live, ...quietNow.frozen]);
  const toRestore = releasedTabs.live.filter((id) => !stillQuiet.has(id));
  // A tab the browser froze (Chromium freezes the tabs of a collapsed group, where work tabs
  // are tucked away) can't answer now: put back without waiting, it is when the parent
  // comes back to it. Not reloaded: nobody can say whether they typed in it.
  for (const id of releasedTabs.frozen) if (!stillQuiet.has(id)) void restore(id);
  const restored = (await Promise.all(toRestore.map(restore))).filter((r): r is Restored => r !== null);
  await browser.storage.session.set({ [TABS_KEY]: patterns });
  return restored;
}

/**
 * Tells the quiet script in each tab what to show now (e.g. the dim overlay lifted by a
 * way through). A tab to be dimmed gets the overlay's script first, and a tab of a site
 * with let-through words the matcher (each lends itself once).
 */
export async function pushPlans(plans: Map<number, TabPlan>): Promise<void> {
  await Promise.all(
    [...plans].map(async ([tabId, plan]) => {
      const files = [...(plan.mode !== 'quiet' ? [overlayFile] : []), ...(plan.letThrough ? [letThroughFile] : [])];
      if (files.length) await settle(browser.scripting.executeScript({ target: { tabId }, files }));
      await settle(browser.tabs.sendMessage(tabId, { type: 'hearth:plan', plan } satisfies PlanPush));
    }),
  );
}

/**
 * Host access was taken back in the browser's own settings: the worker can no longer
 * see those tabs' addresses or run scripts in them, but can still send them word.
 * Every frame of Hearth's hears it and asks for its plan; the worker, asking the
 * permission itself (the sender's address is still given), answers none for one it can
 * no longer reach, which puts itself back (title, icon, overlay, stand-ins) rather than
 * staying altered until it reloads.
 */
export async function tellAccessGone(origins: string[]): Promise<void> {
  // Only what is really gone: a wider grant may still cover part of it.
  const held = await Promise.all(origins.map((o) => browser.permissions.contains({ origins: [o] }).catch(() => false)));
  if (held.every(Boolean)) return;
  const word: AccessGonePush = { type: 'hearth:access-gone' };
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : settle(browser.tabs.sendMessage(t.id, word)))));
}

/** Tabs on `patterns`: those whose page is running, and those the browser froze (not discarded). */
async function tabsOn(patterns: string[]): Promise<{ live: number[]; frozen: number[] }> {
  const tabs = patterns.length ? await browser.tabs.query({ url: patterns }) : [];
  const ids = (keep: (t: (typeof tabs)[number]) => boolean) => tabs.flatMap((t) => (t.id !== undefined && keep(t) ? [t.id] : []));
  return { live: ids(isLive), frozen: ids((t) => !t.discarded && !isLive(t)) };
}

/** A top-frame script for pages of some sites that start loading: the set-aside stop, the calm overlay. */
async function applyRegistration(all: Scripting.RegisteredContentScript[], id: string, file: string, { matches, exclude }: Registration): Promise<void> {
  const current = all.find((s) => s.id === id);
  if (current && sameList(current.matches ?? [], matches) && sameList(current.excludeMatches ?? [], exclude)) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [id] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      { id, js: [file], matches, ...(exclude.length ? { excludeMatches: exclude } : {}), runAt: 'document_start' },
    ]);
  }
}

/**
 * Into a page already running: Hearth's script in every frame first, then the
 * stand-ins in each frame that has none yet, linked under a name made here, now,
 * so page code already running can't listen for it.
 */
async function inject(tabId: number, from: number | null): Promise<void> {
  // Told in the isolated world, before the script starts: it came late, and when to turn quiet.
  const injecting = (at: number) => void Object.assign(globalThis, { __hearthInjected: true, __hearthFrom: at });
  await settle(browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: injecting, args: [from ?? 0] }));
  await settle(browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [quietFile] }));
  const linkEvent = `hearth-${crypto.randomUUID()}`;
  const wanted = await settle(
    browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: (name: string) =>
        (globalThis as { __hearthQuiet?: { expectStandIns(n: string): boolean } }).__hearthQuiet?.expectStandIns(name) ?? false,
      args: [linkEvent],
    }),
  );
  const frameIds = (wanted ?? []).filter((r) => r.result === true).map((r) => r.frameId);
  if (frameIds.length) {
    await settle(browser.scripting.executeScript({ target: { tabId, frameIds }, world: 'MAIN', func: installStandIns, args: [linkEvent, true] }));
  }
}

async function restore(tabId: number): Promise<Restored | null> {
  const results = await settle(
    browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => (globalThis as { __hearthQuiet?: { restore(): { touched: boolean } } }).__hearthQuiet?.restore() ?? null,
    }),
  );
  // No answer: the tab closed, navigated away or is frozen; nothing of ours is left to undo, or it can't be reached.
  if (!results) return null;
  const value = results.find((r) => r.frameId === 0)?.result as { touched: boolean } | null | undefined;
  return { tabId, touched: value?.touched ?? true };
}
