// Runs in the extension's isolated world on work sites, only during a boundary
// (registered and injected by the worker, removed again at the end), in every frame.
// In each frame it holds the private line to the notification stand-ins and counts
// what they held back; in the top frame it also hides unread counts in the title and
// the tab icon and, in `dim` mode (and over set-aside pages already open), shows the
// calm overlay. It reports; the one thing it asks is a way through, on the parent's
// own click. Built as an IIFE, without the polyfill: it runs on busy pages, so it stays small.
import { watchIcons } from './favicons';
import { calmOverlay } from './overlay';
import { watchTitle } from './title';
import { LINK_EVENT, linkStandIns, type StandInsLink } from './standinsLink';
import { coveredBy } from '../core/matchPattern';
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
// The isolated world's own globals: the page can't see them. `__hearthInjected` is set by
// the worker just before it injects this script into a page already running.
const slot = globalThis as { __hearthQuiet?: QuietIsolated; __hearthInjected?: boolean };

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
  const reports = heldReports(runtime);
  // Registered, at document_start (or as a blank frame is made), no page code can listen,
  // so the fixed name is safe; a page already running gets the stand-ins, and a random
  // name, from the worker instead.
  let link: StandInsLink | null = slot.__hearthInjected ? null : linkStandIns(LINK_EVENT, reports.one);

  const title = top ? watchTitle() : null;
  const icons = top ? watchIcons() : null;
  const overlay = top ? calmOverlay(api, () => void runtime.sendMessage({ type: 'wayThrough' }).catch(() => undefined)) : null;
  let touched = false;
  const touch = (e: Event) => {
    if (e.isTrusted) touched = true;
  };
  addEventListener('keydown', touch, true);
  addEventListener('pointerdown', touch, true);

  const apply = (plan: TabPlan | null) => {
    // A set-aside page already open gets the overlay rather than being sent away:
    // whatever the parent was typing there stays. New loads go to the calm page.
    if (plan && (plan.mode === 'dim' || plan.mode === 'set-aside')) overlay?.show(plan);
    else overlay?.hide();
  };
  const onPush = (message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== runtime.id) return;
    const push = message as PlanPush | AccessGonePush;
    if (push?.type === 'hearth:plan' && top) apply(push.plan);
    // Access taken back: the worker can't reach this frame to put it back, so it does so itself.
    if (push?.type === 'hearth:access-gone' && push.origins.some((o) => coveredBy(location.href, o))) slot.__hearthQuiet?.restore();
  };
  runtime.onMessage.addListener(onPush);
  // "I am a work tab": the worker mutes this tab and answers with what to show.
  if (top) {
    runtime.sendMessage({ type: 'hello' }).then(
      (plan: TabPlan | null) => apply(plan ?? null),
      () => undefined,
    );
  }

  return {
    alive: () => connected(runtime),
    expectStandIns(linkEvent) {
      if (link?.linked()) return false;
      link?.stop();
      link = linkStandIns(linkEvent, reports.one);
      return true;
    },
    restore() {
      delete slot.__hearthQuiet;
      link?.restore();
      link?.stop();
      reports.stop();
      title?.stop();
      icons?.stop();
      overlay?.hide();
      removeEventListener('keydown', touch, true);
      removeEventListener('pointerdown', touch, true);
      try {
        runtime.onMessage.removeListener(onPush);
      } catch {
        /* the extension context is already gone */
      }
      return { touched };
    },
  };
}

/**
 * Notifications the stand-ins held back, told to the worker (a report, not a
 * command): at most once a second, and whatever is left when the page goes away.
 */
function heldReports(runtime: Api['runtime']) {
  // A page that spams is counted up to a bound, never thousands of messages.
  const BOUND = 500;
  let sent = 0;
  let held = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    timer = undefined;
    while (held > 0) {
      const count = Math.min(held, 100);
      held -= count;
      sent += count;
      try {
        runtime.sendMessage({ type: 'held', count }).catch(() => undefined);
      } catch {
        /* the extension context is already gone */
      }
    }
  };
  addEventListener('pagehide', send);
  return {
    one() {
      if (sent + held >= BOUND) return;
      held++;
      timer ??= setTimeout(send, 1000);
    },
    stop() {
      removeEventListener('pagehide', send);
      if (timer !== undefined) clearTimeout(timer);
      send();
    },
  };
}
