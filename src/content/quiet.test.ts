// The orchestrator: which features it starts, in which frame, under one signal, and
// that putting a page back is one abort. The features themselves are stood in for
// here (each has its own tests, and the browser tests run the whole script).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabPlan } from '../messages';

const features = vi.hoisted(() => ({
  started: [] as { name: string; signal: AbortSignal; plan?: TabPlan }[],
  links: [] as { name: string; linked: boolean; restored: boolean; stopped: boolean; from?: number }[],
  touched: false,
}));
const start = (name: string) => (signal: AbortSignal) => void features.started.push({ name, signal });
vi.mock('./title', () => ({ hideTitleCount: start('title') }));
vi.mock('./favicons', () => ({ hideIconBadges: start('icons') }));
vi.mock('./heldReports', () => ({ reportHeld: (signal: AbortSignal) => (start('held')(signal), () => undefined) }));
vi.mock('./touches', () => ({ noticeTouches: (signal: AbortSignal) => (start('touches')(signal), () => features.touched) }));
// The overlay's own script (calm-overlay.ts) lends it in the isolated world.
const showOverlay = (signal: AbortSignal, _api: unknown, plan: TabPlan) => void features.started.push({ name: 'overlay', signal, plan });
vi.mock('./standinsLink', () => ({
  LINK_EVENT: 'hearth-link',
  linkStandIns: (name: string) => {
    const link: (typeof features.links)[number] = { name, linked: false, restored: false, stopped: false };
    features.links.push(link);
    return {
      linked: () => link.linked,
      holdFrom: (from: number) => void (link.from = from),
      restore: () => void (link.restored = true),
      stop: () => void (link.stopped = true),
    };
  },
}));

type Quiet = { alive(): boolean; expectStandIns(name: string): boolean; restore(): { touched: boolean } };
type Listener = (message: unknown, sender: { id?: string }) => void;
const slot = globalThis as { __hearthQuiet?: Quiet; __hearthInjected?: boolean; __hearthFrom?: number; __hearthOverlay?: unknown };

let listeners: Set<Listener>;
/** The page's window, as far as its going and coming back go. */
let win: EventTarget & { top: unknown };
/** The page's document, as far as going out of sight goes. */
let page: EventTarget & { visibilityState: string };
const lookAway = () => {
  page.visibilityState = 'hidden';
  page.dispatchEvent(new Event('visibilitychange'));
};
let answerHello: (plan: TabPlan | null) => void;
let sent: { type: string }[];
const runtime = {
  id: 'hearth',
  sendMessage: (message: { type: string }) => {
    sent.push(message);
    return message.type === 'hello' ? new Promise((resolve) => (answerHello = resolve)) : Promise.resolve();
  },
  onMessage: {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
  },
};
const dim: TabPlan = { siteId: 's', name: 'Chat', mode: 'dim', wayThroughMinutes: 10, until: 1 };

/** Runs the script as the browser would, in the top frame or in a frame inside it. */
async function load({ top = true, injected = false, from = 0 } = {}): Promise<Quiet> {
  win = Object.assign(new EventTarget(), { top: {} as unknown });
  win.top = top ? win : {};
  vi.stubGlobal('window', win);
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  vi.stubGlobal('document', page);
  slot.__hearthInjected = injected;
  slot.__hearthFrom = from;
  vi.resetModules();
  await import('./quiet');
  return slot.__hearthQuiet!;
}
const push = (message: unknown, id = 'hearth') => listeners.forEach((l) => l(message, { id }));
const names = () => features.started.map((f) => f.name);
const overlays = () => features.started.filter((f) => f.name === 'overlay');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** An event as the browser itself dispatches it. */
const trusted = (type: string) => Object.defineProperty(new Event(type), 'isTrusted', { value: true });

beforeEach(() => {
  features.started = [];
  features.links = [];
  features.touched = false;
  listeners = new Set();
  sent = [];
  delete slot.__hearthQuiet;
  slot.__hearthOverlay = showOverlay;
  vi.stubGlobal('chrome', { runtime });
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete slot.__hearthQuiet;
  delete slot.__hearthInjected;
  delete slot.__hearthFrom;
  delete slot.__hearthOverlay;
  vi.useRealTimers();
});

describe('the quiet script', () => {
  it('starts every feature of the top frame under one signal, and puts the page back with one abort', async () => {
    const quiet = await load();
    expect(names().sort()).toEqual(['held', 'icons', 'title', 'touches']);
    expect(new Set(features.started.map((f) => f.signal)).size).toBe(1);
    expect(sent).toEqual([{ type: 'hello' }]);
    answerHello(dim);
    await settle();
    expect(overlays()).toHaveLength(1);

    features.touched = true;
    expect(quiet.restore()).toEqual({ touched: true });
    expect(features.started.every((f) => f.signal.aborted)).toBe(true);
    expect(features.links).toEqual([{ name: 'hearth-link', linked: false, restored: true, stopped: true, from: 0 }]);
    expect(listeners.size).toBe(0);
    expect(slot.__hearthQuiet).toBeUndefined();
  });

  it('says once the page goes out of sight, only while its site is tucked away, and not once put back', async () => {
    const quiet = await load();
    answerHello(dim);
    await settle();
    lookAway();
    expect(sent).toEqual([{ type: 'hello' }]);
    push({ type: 'hearth:plan', plan: { ...dim, tuck: true } });
    lookAway();
    expect(sent).toEqual([{ type: 'hello' }, { type: 'outOfSight' }]);
    quiet.restore();
    lookAway();
    expect(sent).toHaveLength(2);
  });

  it('says when its page goes, and asks again when the browser brings it back from its back-forward cache', async () => {
    await load();
    answerHello(dim);
    await settle();
    // The page's own events are not the browser's: nothing is said.
    win.dispatchEvent(new Event('pagehide'));
    win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(sent).toEqual([{ type: 'hello' }]);
    win.dispatchEvent(trusted('pagehide'));
    expect(sent).toEqual([{ type: 'hello' }, { type: 'gone' }]);
    // Shown as it loads is no coming back; from the cache it is.
    win.dispatchEvent(Object.defineProperty(trusted('pageshow'), 'persisted', { value: false }));
    win.dispatchEvent(Object.defineProperty(trusted('pageshow'), 'persisted', { value: true }));
    expect(sent).toEqual([{ type: 'hello' }, { type: 'gone' }, { type: 'hello' }]);
  });

  it('in a frame, says nothing of its page going', async () => {
    await load({ top: false });
    win.dispatchEvent(trusted('pagehide'));
    expect(sent).toEqual([]);
  });

  it('woken after the browser froze it, asks again, and puts itself back when family time is over', async () => {
    await load();
    answerHello(dim);
    await settle();
    // One the page dispatches itself is not the browser's: nothing is asked.
    page.dispatchEvent(new Event('resume'));
    expect(sent).toEqual([{ type: 'hello' }]);
    page.dispatchEvent(trusted('resume'));
    expect(sent).toEqual([{ type: 'hello' }, { type: 'hello' }]);
    answerHello(null);
    await settle();
    expect(features.started.every((f) => f.signal.aborted)).toBe(true);
    expect(slot.__hearthQuiet).toBeUndefined();
  });

  it('in a frame, only holds notifications and counts them: the title, icon and overlay are the top frame’s', async () => {
    await load({ top: false });
    expect(names().sort()).toEqual(['held', 'touches']);
    expect(sent).toEqual([]);
    push({ type: 'hearth:plan', plan: dim });
    expect(overlays()).toHaveLength(0);
  });

  it('shows the overlay as the plan says, once, and lifts it when a new plan does', async () => {
    await load();
    push({ type: 'hearth:plan', plan: { ...dim, mode: 'set-aside' } });
    push({ type: 'hearth:plan', plan: dim });
    expect(overlays()).toHaveLength(1);
    push({ type: 'hearth:plan', plan: { ...dim, mode: 'quiet' } });
    expect(overlays()[0]!.signal.aborted).toBe(true);
    expect(features.started.find((f) => f.name === 'title')!.signal.aborted).toBe(false);
    push({ type: 'hearth:plan', plan: dim });
    expect(overlays()).toHaveLength(2);
    push({ type: 'hearth:plan', plan: null });
    expect(overlays()[1]!.signal.aborted).toBe(true);
  });

  it('takes no word from another extension, and shows nothing once the page is put back', async () => {
    const quiet = await load();
    push({ type: 'hearth:plan', plan: dim }, 'someone-else');
    push({ type: 'hearth:access-gone' }, 'someone-else');
    expect(sent).toEqual([{ type: 'hello' }]);
    expect(overlays()).toHaveLength(0);
    expect(slot.__hearthQuiet).toBe(quiet);
    quiet.restore();
    answerHello(dim);
    await settle();
    expect(overlays()).toHaveLength(0);
  });

  it('when host access is taken back somewhere, asks, and puts itself back only if the worker no longer sees it', async () => {
    const quiet = await load();
    answerHello(dim);
    await settle();
    // Another site's access: the worker still sees this tab, and answers with its plan.
    push({ type: 'hearth:access-gone' });
    expect(sent).toEqual([{ type: 'hello' }, { type: 'hello' }]);
    answerHello(dim);
    await settle();
    expect(slot.__hearthQuiet).toBe(quiet);
    expect(features.started.some((f) => f.signal.aborted)).toBe(false);
    // This site's: no plan for a tab it can't see.
    push({ type: 'hearth:access-gone' });
    answerHello(null);
    await settle();
    expect(slot.__hearthQuiet).toBeUndefined();
    expect(features.started.every((f) => f.signal.aborted)).toBe(true);
  });

  it('in a frame, asks too when access is taken back, and follows its tab', async () => {
    await load({ top: false });
    expect(sent).toEqual([]);
    push({ type: 'hearth:access-gone' });
    expect(sent).toEqual([{ type: 'hello' }]);
    answerHello(null);
    await settle();
    expect(slot.__hearthQuiet).toBeUndefined();
  });

  it('in a page already running, links the stand-ins under the name the worker made, unless they are linked', async () => {
    const quiet = await load({ injected: true });
    expect(features.links).toEqual([]);
    expect(quiet.expectStandIns('hearth-1')).toBe(true);
    expect(quiet.expectStandIns('hearth-2')).toBe(true);
    expect(features.links.map((l) => [l.name, l.stopped])).toEqual([
      ['hearth-1', true],
      ['hearth-2', false],
    ]);
    features.links[1]!.linked = true;
    expect(quiet.expectStandIns('hearth-3')).toBe(false);
    quiet.restore();
    expect(features.links[1]).toMatchObject({ restored: true, stopped: true });
  });

  it('puts away an earlier copy whose extension is gone, and starts afresh', async () => {
    const restore = vi.fn(() => (delete slot.__hearthQuiet, { touched: false }));
    const earlier = { alive: () => false, expectStandIns: () => false, restore };
    slot.__hearthQuiet = earlier;
    const quiet = await load();
    expect(restore).toHaveBeenCalledOnce();
    expect(quiet).not.toBe(earlier);
    expect(names()).toContain('title');
  });

  it('leaves a live copy be: a second injection starts nothing', async () => {
    const first = await load();
    features.started = [];
    expect(await load()).toBe(first);
    expect(features.started).toEqual([]);
  });

  it('without the overlay’s script (a site only quieted), shows no overlay', async () => {
    delete slot.__hearthOverlay;
    await load();
    push({ type: 'hearth:plan', plan: dim });
    expect(overlays()).toHaveLength(0);
    expect(names()).toContain('title');
  });
});

describe('armed a few seconds before family time starts', () => {
  const START = 1_000_000;

  it('in a page already open, turns quiet at the start by its own clock: stand-ins, title, icon, overlay', async () => {
    vi.useFakeTimers({ now: START - 3000 });
    const quiet = await load({ injected: true, from: START });
    expect(quiet.expectStandIns('hearth-1')).toBe(true);
    expect(features.links[0]!.from).toBe(START);
    push({ type: 'hearth:plan', plan: { ...dim, from: START } });
    expect(names().sort()).toEqual(['held', 'touches']);
    vi.advanceTimersByTime(2999);
    expect(names()).not.toContain('title');
    vi.advanceTimersByTime(1);
    expect(names().sort()).toEqual(['held', 'icons', 'overlay', 'title', 'touches']);
  });

  it("turns quiet at once on the worker's word at the start, whatever its own timer says", async () => {
    vi.useFakeTimers({ now: START - 3000 });
    await load({ injected: true, from: START });
    push({ type: 'hearth:plan', plan: { ...dim, mode: 'quiet', from: null } });
    expect(names()).toContain('title');
    vi.advanceTimersByTime(5000);
    expect(names().filter((n) => n === 'title')).toHaveLength(1);
  });

  it('a start moved later waits for it; once quiet, a later start does not undo it', async () => {
    vi.useFakeTimers({ now: START - 3000 });
    const quiet = await load({ injected: true, from: START });
    quiet.expectStandIns('hearth-1');
    push({ type: 'hearth:plan', plan: { ...dim, from: START + 2000 } });
    vi.advanceTimersByTime(3000);
    expect(names()).not.toContain('title');
    expect(features.links[0]!.from).toBe(START + 2000);
    vi.advanceTimersByTime(2000);
    expect(names()).toContain('title');
    // Quiet begun: the stand-ins hold from now on, whatever the page's clock says.
    expect(features.links[0]!.from).toBe(0);
    push({ type: 'hearth:plan', plan: { ...dim, from: START + 60_000 } });
    expect(features.links[0]!.from).toBe(0);
    expect(features.started.every((f) => !f.signal.aborted)).toBe(true);
  });

  it('disarmed (the worker puts the page back before the start): nothing turns quiet later', async () => {
    vi.useFakeTimers({ now: START - 3000 });
    const quiet = await load({ injected: true, from: START });
    quiet.restore();
    vi.advanceTimersByTime(5000);
    expect(names()).not.toContain('title');
  });

  it('a page that loads under the registration is quiet at once, even before the start', async () => {
    vi.useFakeTimers({ now: START - 3000 });
    await load();
    expect(names()).toContain('title');
    answerHello({ ...dim, mode: 'quiet', from: START });
    await vi.advanceTimersByTimeAsync(0);
    expect(features.links[0]!.from).toBe(0);
  });
});
