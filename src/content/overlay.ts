// The calm overlay (dim, and set-aside pages already open), drawn by Hearth's
// isolated script in a closed shadow root: no extension page is framed, so no
// web page can frame, fetch or find one (see docs/trust.md). It is a modal
// dialog: the browser's top layer puts it above everything the page draws (its
// own dialogs, popovers, fullscreen video), and the page behind is inert, so
// keys and screen readers meet the overlay first. Nothing of the page is changed.
import { familyTimeEndsFirst } from '../core/wayThrough';
import { formatDateKey } from '../core/wallclock';
import type { TabPlan } from '../messages';

type Api = typeof chrome;

/** A dialog or popover (not a <details>, which toggles too but stays in the page). */
const opensTopLayer = (target: EventTarget | null): boolean =>
  target instanceof HTMLDialogElement || (target instanceof HTMLElement && target.hasAttribute('popover'));

const STYLE =
  ':host{all:initial}' +
  'dialog{position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:1.5rem;border:0;' +
  'background:transparent;display:grid;place-items:center;box-sizing:border-box;color-scheme:light dark;' +
  'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
  'dialog::backdrop{background:rgba(29,27,31,.55);backdrop-filter:blur(6px) grayscale(.6)}' +
  'section{max-width:26rem;background:#fff;color:#2a2622;border:1px solid #e4dacf;border-radius:1.25rem;padding:1.75rem;' +
  'text-align:center;box-shadow:0 12px 40px rgb(0 0 0/.18)}' +
  'h1{font-size:1.5rem;line-height:1.2;margin:0 0 .75rem}h1:focus{outline:none}p{margin:0 0 .5rem;font-size:1.05rem}' +
  'button{font:inherit;cursor:pointer;margin-top:.75rem;border:1px solid #a3470f;border-radius:999px;padding:.4rem .9rem;background:#a3470f;color:#fff}' +
  'button:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}' +
  '@media (prefers-color-scheme:dark){section{background:#28252a;color:#f3ede6;border-color:#433d45}' +
  'button{background:#f5a66a;border-color:#f5a66a;color:#1d1b1f}button:focus-visible{outline-color:#8ab4ff}}';

type Say = (key: string, subs?: string[]) => string;

/**
 * What the overlay says for a plan, in a language, at an instant: its title, its
 * line, and its way through (none when the end of family time is not known).
 * Pure, so tests read it without a page.
 */
export function calmWords(plan: TabPlan, say: Say, lang: string, now: number): [string, string, string | null] {
  const name = plan.name || say('calmThisSite');
  let line = say('calmOver', [name]);
  let wayThrough: string | null = null;
  if (plan.until !== null) {
    const time = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(plan.until);
    const when =
      formatDateKey(plan.until) === formatDateKey(now)
        ? time
        : say('dayAndTime', [new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(plan.until), time]);
    line = say('calmUntil', [name, when]);
    // Less family time left than a way through lasts: it goes through until the end.
    if (familyTimeEndsFirst(now, plan.wayThroughMinutes, plan.until)) wayThrough = say('calmWayThroughUntil', [when]);
    else wayThrough = plan.wayThroughMinutes === 1 ? say('calmWayThroughOne') : say('calmWayThrough', [String(plan.wayThroughMinutes)]);
  }
  return [say('calmTitle'), line, wayThrough];
}

const HOST_STYLE = 'all:initial!important;display:block!important';

/** The overlay showing now, told of every dialog or popover the page opens (below). */
let onTopLayer: ((e: Event) => void) | null = null;
/**
 * The one `toggle` listener, to be kept first: calm-overlay.ts adds it as it runs
 * (document_start, before any page code, for a page that loads dimmed), and each drawing
 * adds it again, deduplicated (`document.open()` erases every listener of the window).
 */
export const toggled = (e: Event) => onTopLayer?.(e);

/**
 * Shows the overlay for `plan` now, and takes it away when `signal` aborts.
 * `goThrough` runs on the parent's own click or key (never a page's synthetic one).
 */
export function showCalmOverlay(signal: AbortSignal, api: Api, plan: TabPlan, goThrough: () => void): void {
  const say: Say = (key, subs) => api.i18n.getMessage(key, subs) || key;
  const [title, sentence, wayThrough] = calmWords(plan, say, api.i18n.getUILanguage(), Date.now());
  const focusedBefore = document.activeElement;
  let host: HTMLElement | null = null;
  let dialog: HTMLDialogElement | null = null;
  let through = false;

  /** Ours above whatever the page just put in the top layer. */
  const onTop = () => {
    if (!dialog?.open) return;
    dialog.close();
    dialog.showModal();
  };

  // Drawn afresh whenever it is found gone from the document: a page that took it out,
  // swapped its root element or wrote itself anew with `document.open()` (which also
  // erased every listener on the old one) gets a whole overlay back.
  const draw = () => {
    const root = document.documentElement;
    if (!root) return;
    const section = document.createElement('section');
    const heading = document.createElement('h1');
    heading.textContent = title;
    heading.tabIndex = -1;
    const line = document.createElement('p');
    line.textContent = sentence;
    section.append(heading, line);
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
    shadow.append(style, modal);
    host?.remove();
    host = shown;
    dialog = modal;
    // Beside <body>, not in it: a page that swaps its body keeps the overlay.
    root.append(shown);
    modal.showModal();
    addEventListener('toggle', toggled, true);
    // Focus rests on the heading, not the way through: a parent mid-sentence when
    // family time begins shouldn't go through by their next keystroke. Tab reaches it.
    heading.focus();
    watch();
  };

  // The page opening a dialog or popover of its own puts it above ours: ours goes back on
  // top. A modal dialog is seen by its `open` attribute, which no page can keep from an
  // observer; a popover by its `toggle` event, which this script hears first.
  onTopLayer = (e) => {
    if (e.target !== dialog && opensTopLayer(e.target) && (e as ToggleEvent).newState === 'open') onTop();
  };
  const opened = new MutationObserver((records) => {
    if (records.some((r) => r.target instanceof HTMLDialogElement && r.target.matches(':modal'))) onTop();
  });
  // A page that takes the overlay out, restyles it, swaps its root or opens itself anew
  // gets it back as it was. (Disconnected on abort, so it never runs after.)
  const guard = new MutationObserver(() => {
    if (!host?.isConnected) draw();
    else if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
  });
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
  };
  draw();

  signal.addEventListener('abort', () => {
    guard.disconnect();
    opened.disconnect();
    onTopLayer = null;
    host?.remove();
    if (focusedBefore instanceof HTMLElement && focusedBefore.isConnected) focusedBefore.focus({ preventScroll: true });
  });
}
