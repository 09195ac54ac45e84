// The calm overlay (dim, and set-aside pages already open), drawn by Hearth's
// isolated script in a closed shadow root: no extension page is framed, so no
// web page can frame, fetch or find one (see docs/trust.md). It is a modal
// dialog: the browser's top layer puts it above everything the page draws (its
// own dialogs, popovers, fullscreen video), and the page behind is inert, so
// keys and screen readers meet the overlay first. Nothing of the page is changed.
import { writingLocale } from '../core/locale';
import { calmWords } from './calmWords';
import type { Say } from '../core/say';
import type { TabPlan } from '../messages';

type Api = typeof chrome;

/** A dialog or popover (not a <details>, which toggles too but stays in the page). */
const opensTopLayer = (target: EventTarget | null): boolean =>
  target instanceof HTMLDialogElement || (target instanceof HTMLElement && target.hasAttribute('popover'));

const STYLE =
  ':host{all:initial}' +
  'dialog{position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:1.5rem;border:0;' +
  'background:transparent;display:grid;place-items:center;box-sizing:border-box;color-scheme:light dark;' +
  // The pages' own font stack (ui/shared/base.css: why not system-ui).
  'font:15px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif}' +
  'dialog::backdrop{background:rgba(29,27,31,.55);backdrop-filter:blur(6px) grayscale(.6)}' +
  'section{max-width:26rem;background:#fff;color:#2a2622;border:1px solid #e4dacf;border-radius:1.25rem;padding:1.75rem;' +
  'text-align:center;box-shadow:0 12px 40px rgb(0 0 0/.18)}' +
  'h1{font-size:1.5rem;line-height:1.2;margin:0 0 .75rem}h1:focus{outline:none}p{margin:0 0 .5rem;font-size:1.05rem}' +
  'button{font:inherit;cursor:pointer;margin-top:.75rem;border:1px solid #a3470f;border-radius:999px;padding:.4rem .9rem;background:#a3470f;color:#fff}' +
  'button:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}' +
  '@media (prefers-color-scheme:dark){section{background:#28252a;color:#f3ede6;border-color:#433d45}' +
  'button{background:#f5a66a;border-color:#f5a66a;color:#1d1b1f}button:focus-visible{outline-color:#8ab4ff}}';

const HOST_STYLE = 'all:initial!important;display:block!important';
/** The foreignObject the host goes into when the page's root is an <svg>, filling it. */
const HOLDER_STYLE = `${HOST_STYLE};x:0!important;y:0!important;width:100%!important;height:100%!important`;

/** Events that tell of something the page put in the top layer, heard first (below). */
export const TOP_LAYER_EVENTS = ['toggle', 'fullscreenchange'] as const;
/** The overlay showing now, told of every one. */
let onTopLayer: ((e: Event) => void) | null = null;
/**
 * The one listener for them, to be kept first: calm-overlay.ts adds it as it runs
 * (document_start, before any page code, for a page that loads dimmed), and each drawing
 * adds it again, deduplicated (`document.open()` erases every listener of the window).
 * Left in place after the overlay goes: it does nothing then.
 */
export const heard = (e: Event) => onTopLayer?.(e);

/** At most this many redraws or raises in a second; past that, one after a growing pause. */
const BUDGET = 5;

/**
 * Shows the overlay for `plan` now, and takes it away when `signal` aborts.
 * `goThrough` runs on the parent's own click or key (never a page's synthetic one).
 */
export function showCalmOverlay(signal: AbortSignal, api: Api, plan: TabPlan, goThrough: () => void): void {
  const say: Say = (key, subs) => api.i18n.getMessage(key, subs) || key;
  const [title, sentence, wayThrough] = calmWords(plan, say, writingLocale(api.i18n.getUILanguage(), say('htmlLang')), Date.now());
  const focusedBefore = document.activeElement;
  let host: HTMLElement | null = null;
  let holder: Element | null = null;
  let dialog: HTMLDialogElement | null = null;
  let heading: HTMLElement | null = null;
  let inside: ShadowRoot | null = null;
  let through = false;
  /** Raising: the dialog closes and opens again, and the focus it loses meanwhile is no news. */
  let raising = false;

  /** Ours above whatever the page just put in the top layer, focus where it was in it (else on the heading). */
  const onTop = () => {
    if (!dialog?.open) return;
    const had = inside?.activeElement;
    raising = true;
    try {
      dialog.close();
      dialog.showModal();
      ((had instanceof HTMLElement && had) || heading)?.focus();
    } finally {
      raising = false;
    }
  };

  // Drawn afresh whenever it is found gone from the document: a page that took it out,
  // swapped its root element or wrote itself anew with `document.open()` (which also
  // erased every listener on the old one) gets a whole overlay back.
  const draw = () => {
    const root = document.documentElement;
    if (!root) return;
    const section = document.createElement('section');
    const h1 = document.createElement('h1');
    h1.textContent = title;
    h1.tabIndex = -1;
    const line = document.createElement('p');
    line.textContent = sentence;
    section.append(h1, line);
    if (wayThrough !== null) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = wayThrough;
      button.disabled = through;
      button.addEventListener('click', (e) => {
        if (!e.isTrusted || through) return;
        through = button.disabled = true;
        goThrough();
      });
      section.append(button);
    }

    const shown = document.createElement('div');
    // Inline and !important: the page's own style sheets can't hide it.
    shown.setAttribute('style', HOST_STYLE);
    const shadow = shown.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const modal = document.createElement('dialog');
    modal.setAttribute('aria-label', say('calmFrameTitle'));
    modal.append(section);
    // Escape is no way through (the button is): whatever closes the dialog, it opens again.
    modal.addEventListener('cancel', (e) => e.preventDefault());
    modal.addEventListener('close', () => {
      // Later, not inside the close: a page being unloaded may close it again at
      // once, and reopening there would spin.
      setTimeout(() => {
        if (!signal.aborted && shown.isConnected && !modal.open) {
          try {
            modal.showModal();
          } catch {
            /* the document is going away */
          }
        }
      }, 0);
    });
    // Focus taken from the overlay: a modal dialog of the page's came above it, maybe from
    // inside a shadow root of its own, where no observer or listener of ours reaches.
    modal.addEventListener('focusout', (e) => {
      // (Not to nowhere: the window going to the background takes focus from every page.)
      const to = e.relatedTarget as Node | null;
      if (!raising && to && !modal.contains(to)) setTimeout(() => keep(true), 0);
    });
    shadow.append(style, modal);
    host?.remove();
    holder?.remove();
    host = shown;
    inside = shadow;
    dialog = modal;
    heading = h1;
    // Beside <body>, not in it: a page that swaps its body keeps the overlay. A page that
    // made its root an <svg> draws no HTML child of it: there the host goes into a
    // foreignObject filling the root, whose top-layer dialog then shows over all of it.
    holder = root instanceof SVGSVGElement ? document.createElementNS('http://www.w3.org/2000/svg', 'foreignObject') : null;
    holder?.setAttribute('style', HOLDER_STYLE);
    (holder ? root.appendChild(holder) : root).append(shown);
    modal.showModal();
    for (const type of TOP_LAYER_EVENTS) addEventListener(type, heard, true);
    // Focus rests on the heading, not the way through: a parent mid-sentence when
    // family time begins shouldn't go through by their next keystroke. Tab reaches it.
    h1.focus();
    watch();
    covered?.disconnect();
    covered?.observe(section);
  };

  // Each redraw or raise is counted: a page that fights back (takes the overlay out as
  // often as it comes, shows its own dialog each time ours goes up) gets a few a second,
  // then one after a pause that grows, and its tab stays responsive, able to be put back.
  let spent: number[] = [];
  let pause = 250;
  let later: ReturnType<typeof setTimeout> | undefined;
  const keep = (raise: boolean) => {
    if (signal.aborted) return;
    const now = Date.now();
    spent = spent.filter((at) => now - at < 1000);
    if (spent.length === 0) pause = 250;
    const placed =
      (holder ?? host)?.parentNode === document.documentElement && host?.parentNode === (holder ?? document.documentElement) && dialog?.matches(':modal');
    const styled = host?.getAttribute('style') === HOST_STYLE && (!holder || holder.getAttribute('style') === HOLDER_STYLE);
    if (placed && styled && !raise) return;
    if (spent.length >= BUDGET) {
      later ??= setTimeout(() => {
        later = undefined;
        pause = Math.min(pause * 2, 8000);
        keep(true);
      }, pause);
      return;
    }
    spent.push(now);
    if (!placed) draw();
    else if (!styled) {
      host!.setAttribute('style', HOST_STYLE);
      holder?.setAttribute('style', HOLDER_STYLE);
    }
    else onTop();
  };

  // The page opening a dialog, a popover or fullscreen of its own puts it above ours: ours
  // goes back on top. A modal dialog is seen by its `open` attribute, which no page can keep
  // from an observer; a popover and fullscreen by their events, which this script hears
  // first; one in a shadow root of the page's by the focus it takes, or on Chromium by the
  // card being covered (`trackVisibility`); on Firefox a popover by looking (below).
  onTopLayer = (e) => {
    if (e.type === 'fullscreenchange' || (opensTopLayer(e.target) && (e as ToggleEvent).newState === 'open')) keep(true);
  };
  const opened = new MutationObserver((records) => {
    if (records.some((r) => r.target instanceof HTMLDialogElement && r.target.matches(':modal'))) keep(true);
  });
  const covered =
    'isVisible' in IntersectionObserverEntry.prototype
      ? new IntersectionObserver((entries) => entries.some((e) => !(e as { isVisible?: boolean }).isVisible) && keep(true), {
          trackVisibility: true,
          delay: 100,
        } as IntersectionObserverInit)
      : null;
  // Without `trackVisibility` (Firefox), a popover the page opened while keeping its toggle
  // event from us (a listener of its own put first, before family time) is looked for twice
  // a second while the page shows. Which of the top layer is drawn above can't be read
  // there, so while one is open the overlay goes back on top at each look, focus kept.
  const looking = covered
    ? undefined
    : setInterval(() => document.visibilityState === 'visible' && document.querySelector(':popover-open') && keep(true), 500);
  // A page that takes the overlay out, moves or restyles it, swaps its root or opens itself
  // anew gets it back as it was. (Disconnected on abort, so it never runs after.)
  const guard = new MutationObserver(() => keep(false));
  const watch = () => {
    const root = document.documentElement;
    guard.disconnect();
    opened.disconnect();
    guard.observe(document, { childList: true });
    if (root) {
      guard.observe(root, { childList: true });
      opened.observe(root, { subtree: true, attributes: true, attributeFilter: ['open'] });
    }
    if (host) guard.observe(host, { attributes: true });
    if (holder) guard.observe(holder, { attributes: true, childList: true });
  };
  draw();

  signal.addEventListener('abort', () => {
    guard.disconnect();
    opened.disconnect();
    covered?.disconnect();
    clearInterval(looking);
    clearTimeout(later);
    onTopLayer = null;
    host?.remove();
    holder?.remove();
    if (focusedBefore instanceof HTMLElement && focusedBefore.isConnected) focusedBefore.focus({ preventScroll: true });
  });
}
