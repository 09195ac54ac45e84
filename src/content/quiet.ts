// Runs in the extension's isolated world on work sites, only during a boundary
// (registered and injected by the worker, removed again at the end), in every frame.
// It starts each effect from its own file under one AbortSignal: in each frame the
// private line to the notification stand-ins, the count of what they held back (and
// any that names a let-through word, told to the worker) and the parent's touches; in the top frame also the title and tab icon without unread
// counts and, in `dim` mode (and over set-aside pages already open), the calm overlay
// (its own script, calm-overlay.ts, present only on those sites' pages).
// Injected into a page already open a few seconds before family time starts (armed),
// it turns quiet at the start by the page's own clock: the stand-ins hold from then on,
// and the title, icon and overlay change then. A page that loads under the registration
// is quiet at once. The end is the worker's: it puts the page back (the end can move).
// Putting the page back is aborting that signal. It reports; the one thing it asks is
// a way through, on the parent's own click. Built as an IIFE, without the polyfill:
// it runs on busy pages, so it stays small.
import { hideIconBadges } from './favicons';
import { reportHeld } from './heldReports';
import type { showCalmOverlay } from './overlay';
import { hideTitleCount } from './title';
import { noticeTouches } from './touches';
import type { letThroughHeld } from './letThrough';
import { reportOutOfSight } from './outOfSight';
import { LINK_EVENT, linkStandIns, type Held, type StandInsLink } from './standinsLink';
import type { AccessGonePush, PlanPush, TabPlan } from '../messages';

interface QuietIsolated {
  /** Still connected to the Hearth that put it here. */
  alive(): boolean;
  /** Pages already running: the worker injects the stand-ins under a fresh name. Says whether they are wanted here. */
  expectStandIns(linkEvent: string): boolean;
  /** Puts the page back as the site left it; says whether the parent typed or clicked in it. */
  restore(): { touched: boolean };
}

type Api = typeof chrome;
const api: Api = (globalThis as { browser?: Api }).browser ?? chrome;
// The isolated world's own globals: the page can't see them. `__hearthInjected` and
// `__hearthFrom` (when to turn quiet) are set by the worker just before it injects this
// script into a page already running; `__hearthOverlay` by calm-overlay.ts, and
// `__hearthLetThrough` by let-through.ts.
const slot = globalThis as {
  __hearthQuiet?: QuietIsolated;
  __hearthInjected?: boolean;
  __hearthFrom?: number;
  __hearthOverlay?: typeof showCalmOverlay;
  __hearthLetThrough?: typeof letThroughHeld;
};

const connected = (runtime: Api['runtime']) => {
  try {
    return Boolean(runtime?.id);
  } catch {
    return false;
  }
};
// After an update or reload of Hearth, an earlier copy may linger here with its
// link to the extension gone: put it away and start afresh.
if (connected(api.runtime)) {
  const earlier = slot.__hearthQuiet;
  if (earlier && !earlier.alive()) earlier.restore();
  if (!slot.__hearthQuiet) slot.__hearthQuiet = start();
}

function start(): QuietIsolated {
  const runtime = api.runtime;
  const top = window.top === window;
  let plan: TabPlan | null = null;
  const quiet = new AbortController();
  const { signal } = quiet;

  const count = reportHeld(signal, runtime);
  // The matcher is lent by let-through.ts, on sites with let-through words only.
  let letThrough: ReturnType<typeof letThroughHeld> | undefined;
  const held = ({ title, body }: Held) => {
    count();
    (letThrough ??= slot.__hearthLetThrough?.(signal, runtime, () => plan?.letThrough))?.(title, body);
  };
  const touched = noticeTouches(signal);
  if (top) reportOutOfSight(signal, runtime, () => plan?.tuck === true);
  // Registered, at document_start (or as a blank frame is made), no page code can listen,
  // so the fixed name is safe; a page already running gets the stand-ins, and a random
  // name, from the worker instead.
  let link: StandInsLink | null = slot.__hearthInjected ? null : linkStandIns(LINK_EVENT, held);

  /** The overlay's own controller while it shows: a new plan may lift it before the end. */
  let overlay: AbortController | null = null;
  const showPlan = () => {
    // A set-aside page already open gets the overlay rather than being sent away:
    // whatever the parent was typing there stays. New loads go to the calm page.
    if (plan && (plan.mode === 'dim' || plan.mode === 'set-aside')) {
      if (overlay || !slot.__hearthOverlay) return;
      overlay = new AbortController();
      slot.__hearthOverlay(overlay.signal, api, plan, () => void runtime.sendMessage({ type: 'wayThrough' }).catch(() => undefined));
    } else {
      overlay?.abort();
      overlay = null;
    }
  };

  // Quiet begins at `from`: now, or at the start of family time armed ahead. Once begun it
  // stays until the worker puts the page back; a later `from` can't undo it.
  let from = slot.__hearthInjected ? (slot.__hearthFrom ?? 0) : 0;
  let begun = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const begin = () => {
    if (begun || signal.aborted) return;
    begun = true;
    clearTimeout(timer);
    // Family time is on: the stand-ins hold from now, whatever the page's own clock says.
    link?.holdFrom(0);
    if (top) {
      hideTitleCount(signal);
      hideIconBadges(signal);
    }
    showPlan();
  };
  const beginAt = (at: number) => {
    if (begun) return;
    from = at;
    link?.holdFrom(at);
    clearTimeout(timer);
    // A hidden tab's timer may come up to a second late; the worker's word at the start does not wait for it.
    if (at > Date.now()) timer = setTimeout(begin, at - Date.now());
    else begin();
  };
  beginAt(from);

  const apply = (next: TabPlan | null) => {
    if (signal.aborted) return; // the answer came after the page was put back
    plan = next;
    // Only the top frame says hello, so only its stand-ins hear it (a frame's own reads denied).
    if (next?.granted) link?.granted();
    if (next) beginAt(next.from ?? 0);
    if (begun) showPlan();
  };

  const restore = () => {
    if (slot.__hearthQuiet === self) delete slot.__hearthQuiet;
    quiet.abort();
    return { touched: touched() };
  };
  // What this page should show now, from the worker; with no plan any more, it puts itself back.
  const ask = () =>
    runtime.sendMessage({ type: 'hello' }).then(
      (next: TabPlan | null) => (next ? apply(next) : signal.aborted || restore()),
      () => undefined,
    );
  const onPush = (message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== runtime.id) return;
    const push = message as PlanPush | AccessGonePush;
    if (push?.type === 'hearth:plan' && top) apply(push.plan);
    // Host access taken back somewhere: the worker can't reach this frame to put it back,
    // but still knows whether it can see this tab, and answers with no plan if not.
    if (push?.type === 'hearth:access-gone') ask();
  };
  runtime.onMessage.addListener(onPush);
  // The features undo themselves; this undoes what the orchestrator holds.
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    link?.restore();
    link?.stop();
    overlay?.abort();
    try {
      runtime.onMessage.removeListener(onPush);
    } catch {
      /* the extension context is already gone */
    }
  });
  // A page the browser froze (Chromium freezes the tabs of a collapsed group, where work
  // tabs are tucked away) may have missed the end of family time: on waking, it asks. The
  // browser's own event only: the page can dispatch one too.
  document.addEventListener('resume', (e) => e.isTrusted && ask(), { signal });
  if (top) {
    // Gone (the browser's own events only): the worker looks where the tab went, and lets
    // its mute go if it left the work site; back from the back-forward cache, it asks again.
    // Capturing, so a page that loads during family time can't stop them before Hearth hears.
    addEventListener('pagehide', (e) => e.isTrusted && void runtime.sendMessage({ type: 'gone' }).catch(() => undefined), { signal, capture: true });
    addEventListener('pageshow', (e) => e.isTrusted && (e as PageTransitionEvent).persisted && ask(), { signal, capture: true });
    // "I am a work tab": the worker mutes this tab and answers with what to show.
    runtime.sendMessage({ type: 'hello' }).then(
      (plan: TabPlan | null) => apply(plan ?? null),
      () => undefined,
    );
  }

  const self: QuietIsolated = {
    alive: () => connected(runtime),
    expectStandIns(linkEvent) {
      if (link?.linked()) return false;
      link?.stop();
      link = linkStandIns(linkEvent, held);
      if (!begun) link.holdFrom(from);
      return true;
    },
    restore,
  };
  return self;
}
