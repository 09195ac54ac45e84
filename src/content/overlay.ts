// The calm overlay (dim, and set-aside pages already open), drawn by Hearth's
// isolated script in a closed shadow root: no extension page is framed, so no
// web page can frame, fetch or find one (see docs/trust.md). It is a modal
// dialog: the browser's top layer puts it above everything the page draws (its
// own dialogs, popovers, fullscreen video), and the page behind is inert, so
// keys and screen readers meet the overlay first. Nothing of the page is changed.
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

export interface CalmOverlay {
  show(plan: TabPlan): void;
  hide(): void;
}

/** `goThrough` runs on the parent's own click or key (never a page's synthetic one). */
export function calmOverlay(api: Api, goThrough: () => void): CalmOverlay {
  const say = (key: string, subs?: string[]) => api.i18n.getMessage(key, subs) || key;
  let host: HTMLElement | null = null;
  let focusedBefore: Element | null = null;
  let guard: MutationObserver | null = null;

  const when = (instant: number): string => {
    const lang = api.i18n.getUILanguage();
    const time = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(instant);
    if (formatDateKey(instant) === formatDateKey(Date.now())) return time;
    return say('dayAndTime', [new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(instant), time]);
  };

  const card = (plan: TabPlan): HTMLElement => {
    const section = document.createElement('section');
    const heading = document.createElement('h1');
    heading.textContent = say('calmTitle');
    heading.tabIndex = -1;
    const line = document.createElement('p');
    const name = plan.name || say('calmThisSite');
    line.textContent = plan.until !== null ? say('calmUntil', [name, when(plan.until)]) : say('calmOver', [name]);
    section.append(heading, line);
    if (plan.until !== null) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent =
        plan.wayThroughMinutes === 1 ? say('calmWayThroughOne') : say('calmWayThrough', [String(plan.wayThroughMinutes)]);
      button.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        button.disabled = true;
        goThrough();
      });
      section.append(button);
    }
    return section;
  };

  return {
    show(plan) {
      if (host) return;
      focusedBefore = document.activeElement;
      const el = document.createElement('div');
      host = el;
      // Inline and !important: the page's own style sheets can't hide it.
      el.setAttribute('style', 'all:initial!important;display:block!important');
      const root = el.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const dialog = document.createElement('dialog');
      dialog.setAttribute('aria-label', say('calmFrameTitle'));
      const content = card(plan);
      dialog.append(content);
      // Escape is no way through (the button is): whatever closes the dialog, it opens again.
      dialog.addEventListener('cancel', (e) => e.preventDefault());
      dialog.addEventListener('close', () => {
        // Later, not inside the close: a page being unloaded may close it again at
        // once, and reopening there would spin.
        setTimeout(() => {
          if (host === el && el.isConnected && !dialog.open) {
            try {
              dialog.showModal();
            } catch {
              /* the document is going away */
            }
          }
        }, 0);
      });
      // The page opening a dialog or popover of its own puts it above ours: ours goes back on top.
      const onTop = (e: Event) => {
        if (host !== el) removeEventListener('toggle', onTop, true);
        else if (e.target !== dialog && opensTopLayer(e.target) && (e as ToggleEvent).newState === 'open' && dialog.open) {
          dialog.close();
          dialog.showModal();
        }
      };
      addEventListener('toggle', onTop, true);
      root.append(style, dialog);
      // Beside <body>, not in it: a page that swaps its body keeps the overlay.
      document.documentElement.append(el);
      dialog.showModal();
      // Focus rests on the heading, not the way through: a parent mid-sentence when
      // family time begins shouldn't go through by their next keystroke. Tab reaches it.
      content.querySelector('h1')?.focus();
      // A page that takes the overlay out or restyles it gets it back as it was.
      guard = new MutationObserver(() => {
        if (host !== el) return;
        if (el.getAttribute('style') !== 'all:initial!important;display:block!important')
          el.setAttribute('style', 'all:initial!important;display:block!important');
        if (!el.isConnected) {
          document.documentElement.append(el);
          if (!dialog.open) dialog.showModal();
        }
      });
      guard.observe(document.documentElement, { childList: true });
      guard.observe(el, { attributes: true });
    },
    hide() {
      if (!host) return;
      const was = host;
      host = null;
      guard?.disconnect();
      guard = null;
      was.remove();
      if (focusedBefore instanceof HTMLElement && focusedBefore.isConnected) focusedBefore.focus({ preventScroll: true });
      focusedBefore = null;
    },
  };
}
