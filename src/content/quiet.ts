// Runs in the extension's isolated world on work sites, only during a boundary
// (registered and injected by the worker, removed again at the end). It hides
// unread counts in the title and the tab icon and, in `dim` mode (and over
// set-aside pages already open), lays a calm overlay over the page. It reports that it is here; it never asks the worker to change anything.
// Built as an IIFE, without the polyfill: it runs on busy pages, so it stays small.
import { stripUnreadCount } from '../core/titles';
import { watchIcons } from './favicons';
import { coveredBy } from '../core/matchPattern';
import type { AccessGonePush, PlanPush, TabPlan } from '../messages';

interface QuietIsolated {
  /** Still connected to the Hearth that put it here. */
  alive(): boolean;
  apply(plan: TabPlan | null): void;
  /** Puts the page back as the site left it; says whether the parent typed or clicked in it. */
  restore(): { touched: boolean };
}

type Api = typeof chrome;
const api: Api = (globalThis as { browser?: Api }).browser ?? chrome;
const slot = globalThis as { __hearthQuiet?: QuietIsolated };

// After an update or reload of Hearth, an earlier copy may linger here with its
// link to the extension gone: put it away and start afresh.
const alive = () => {
  try {
    return Boolean(api.runtime?.id);
  } catch {
    return false;
  }
};
if (window.top === window && alive()) {
  const earlier = slot.__hearthQuiet;
  if (earlier && !earlier.alive()) earlier.restore();
  if (!slot.__hearthQuiet) slot.__hearthQuiet = start();
}

function start(): QuietIsolated {
  const title = watchTitle();
  const icons = watchIcons();
  const overlay = calmOverlay();
  let touched = false;
  const touch = (e: Event) => {
    if (e.isTrusted) touched = true;
  };
  addEventListener('keydown', touch, true);
  addEventListener('pointerdown', touch, true);

  // Notifications the page's stand-ins held back, reported now and then (a report, not a command).
  let held = 0;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    reportTimer = undefined;
    if (held === 0) return;
    const count = Math.min(held, 100);
    held = 0;
    api.runtime.sendMessage({ type: 'held', count }).catch(() => undefined);
  };
  const onHeld = () => {
    held++;
    reportTimer ??= setTimeout(report, 5000);
  };
  addEventListener('hearth:held', onHeld);

  const apply = (plan: TabPlan | null) => {
    // A set-aside page already open gets the overlay rather than being sent away:
    // whatever the parent was typing there stays. New loads go to the calm page.
    if (plan?.mode === 'dim' || plan?.mode === 'set-aside') overlay.show(plan.siteId);
    else overlay.hide();
  };
  const onPush = (message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== api.runtime.id) return;
    const push = message as PlanPush | AccessGonePush;
    if (push?.type === 'hearth:plan') apply(push.plan);
    if (push?.type === 'hearth:access-gone' && push.origins.some((o) => coveredBy(location.href, o))) {
      // The stand-ins in this page's own world put themselves back on this word, here
      // and in the page's same-site frames (others can't be reached from here).
      tellFrames(window);
      slot.__hearthQuiet?.restore();
    }
  };
  api.runtime.onMessage.addListener(onPush);
  // "I am a work tab": the worker mutes this tab and answers with what to show.
  api.runtime.sendMessage({ type: 'hello' }).then(
    (plan: TabPlan | null) => apply(plan ?? null),
    () => undefined,
  );

  const runtime = api.runtime;
  return {
    alive: () => {
      try {
        return Boolean(runtime?.id);
      } catch {
        return false;
      }
    },
    apply,
    restore() {
      delete slot.__hearthQuiet;
      removeEventListener('hearth:held', onHeld);
      if (reportTimer !== undefined) clearTimeout(reportTimer);
      try {
        report();
      } catch {
        /* the extension context is already gone */
      }
      title.stop();
      icons.stop();
      overlay.hide();
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

/** A dialog or popover (not a <details>, which toggles too but stays in the page). */
const opensTopLayer = (target: EventTarget | null): boolean =>
  target instanceof HTMLDialogElement || (target instanceof HTMLElement && target.hasAttribute('popover'));

/** Asks the stand-ins in `win` and its reachable frames to put themselves back. */
function tellFrames(win: Window): void {
  try {
    win.dispatchEvent(new CustomEvent('hearth:restore'));
    for (let i = 0; i < win.frames.length; i++) tellFrames(win.frames[i]!);
  } catch {
    /* a frame of another site: out of reach */
  }
}

/**
 * Keeps the count out of the title, however often the site rewrites it. Each
 * write is told apart as the site's or Hearth's, so at the end the site's own
 * latest title comes back (and a title the site already cleared stays clear).
 */
function watchTitle() {
  let real = document.title;
  let stopped = false;
  /** Hearth's writes not yet seen by the observer, oldest first. */
  const pending: string[] = [];
  /** The title on the page now is one Hearth wrote. */
  let oursShowing = false;

  const write = (text: string) => {
    pending.push(text);
    document.title = text;
  };
  const seen = (text: string) => {
    if (pending[0] === text) {
      pending.shift();
      oursShowing = true;
    } else {
      real = text;
      oursShowing = false;
    }
  };
  const quiet = () => {
    if (pending.length) return; // our own write is still on its way
    const now = document.title;
    const stripped = stripUnreadCount(now);
    if (stripped !== now) write(stripped);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') seen((record.target as Text).data);
      else if (record.target.nodeName === 'TITLE') seen(record.target.textContent ?? '');
      else if ([...record.addedNodes].some((n) => n.nodeName === 'TITLE')) seen(document.title);
    }
    quiet();
  });
  // Watch <head> for a new <title>, and the title element's text. At
  // document_start neither may exist yet, so start at the root and narrow.
  const observe = () => {
    observer.disconnect();
    const head = document.head;
    const el = document.querySelector('title');
    if (head) observer.observe(head, { childList: true });
    else observer.observe(document.documentElement ?? document, { childList: true, subtree: true });
    if (el) observer.observe(el, { childList: true, characterData: true, subtree: true });
  };
  const rewatch = new MutationObserver(() => {
    observe();
    quiet();
  });
  const watchRoot = () => rewatch.observe(document.head ?? document.documentElement ?? document, { childList: true });
  observe();
  watchRoot();
  if (document.readyState === 'loading') {
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        if (stopped) return; // put back while the page was still loading
        observe();
        rewatch.disconnect();
        watchRoot();
        if (!pending.length) real = document.title;
        quiet();
      },
      { once: true },
    );
  }
  quiet();
  return {
    stop() {
      stopped = true;
      observer.disconnect();
      rewatch.disconnect();
      if (oursShowing || pending.length) document.title = real;
    },
  };
}

/**
 * The calm overlay (dim, and set-aside pages already open): an extension page in a
 * closed shadow root, so the site can't reach in, shown as a modal dialog. The
 * browser's top layer puts it above everything the page draws (its own dialogs,
 * popovers, fullscreen video), and modality makes the page behind inert, so keys
 * and screen readers meet the overlay; nothing of the page's own is changed.
 */
function calmOverlay() {
  let host: HTMLElement | null = null;
  let focusedBefore: Element | null = null;
  return {
    show(siteId: string) {
      if (host) return;
      focusedBefore = document.activeElement;
      host = document.createElement('hearth-calm');
      const root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent =
        ':host{all:initial}' +
        'dialog{position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;overflow:hidden}' +
        'dialog::backdrop{background:rgba(29,27,31,.55);backdrop-filter:blur(6px) grayscale(.6)}' +
        // The frame's colour scheme matches the calm page's, so Chromium keeps it see-through.
        'iframe{border:0;width:100%;height:100%;color-scheme:light dark;background:transparent}';
      const dialog = document.createElement('dialog');
      const frame = document.createElement('iframe');
      frame.title = api.i18n.getMessage('calmFrameTitle') || 'Hearth';
      dialog.setAttribute('aria-label', frame.title);
      frame.src = `${api.runtime.getURL('src/ui/calm/index.html')}?mode=dim&site=${encodeURIComponent(siteId)}`;
      frame.addEventListener('load', () => frame.focus(), { once: true });
      // Escape is no way through (the calm page offers one): whatever closes the
      // dialog, it opens again while the overlay is meant to show.
      dialog.addEventListener('cancel', (e) => e.preventDefault());
      dialog.addEventListener('close', () => {
        // Later, not inside the close: a page being unloaded may close it again at
        // once, and reopening there would spin.
        setTimeout(() => {
          if (host?.isConnected && !dialog.open) {
            try {
              dialog.showModal();
            } catch {
              /* the document is going away */
            }
          }
        }, 0);
      });
      // The page opening a dialog or popover of its own puts it above ours in the top
      // layer: ours goes back on top.
      const onTop = (e: Event) => {
        if (!host) removeEventListener('toggle', onTop, true);
        else if (e.target !== dialog && opensTopLayer(e.target) && (e as ToggleEvent).newState === 'open' && dialog.open) {
          dialog.close();
          dialog.showModal();
        }
      };
      addEventListener('toggle', onTop, true);
      dialog.append(frame);
      root.append(style, dialog);
      // Beside <body>, not in it: a page that swaps its body keeps the overlay.
      document.documentElement.append(host);
      dialog.showModal();
    },
    hide() {
      if (!host) return;
      const was = host;
      host = null;
      was.remove();
      if (focusedBefore instanceof HTMLElement && focusedBefore.isConnected) focusedBefore.focus({ preventScroll: true });
      focusedBefore = null;
    },
  };
}
