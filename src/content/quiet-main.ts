// Runs in the work page's own world at document_start, only on work sites and
// only during a boundary. It swaps the page's notification APIs for quiet
// stand-ins, so the site keeps working (and keeps its permission) but nothing
// pops up. A site's own service worker is out of reach here: on Chromium the
// worker's contentSettings block covers that; on Firefox nothing can.
// Self-contained (built as an IIFE): no imports, no extension APIs.

interface QuietMain {
  restore(): void;
}

const KEY = Symbol.for('hearth.quiet.main');
const slot = window as unknown as Record<symbol, QuietMain | undefined>;

if (!slot[KEY]) slot[KEY] = install();

function install(): QuietMain {
  const RealNotification = window.Notification as typeof Notification | undefined;
  const registration = window.ServiceWorkerRegistration?.prototype;
  const realShow = registration?.showNotification;
  // The permission as the page knew it when family time began (Chromium's block
  // comes just after): the site keeps its view of the parent's choice and does
  // not nag for a permission it still has.
  const seenPermission = RealNotification?.permission;
  // Each notification held back is told to Hearth's isolated script, which counts it.
  const held = () => window.dispatchEvent(new CustomEvent('hearth:held'));

  if (RealNotification) {
    // Looks and behaves like a notification that was shown and quietly set down.
    class QuietNotification extends EventTarget {
      static get permission(): NotificationPermission {
        return seenPermission === 'granted' ? 'granted' : RealNotification!.permission;
      }
      static requestPermission(callback?: NotificationPermissionCallback) {
        return RealNotification!.requestPermission(callback);
      }
      static get maxActions() {
        return (RealNotification as unknown as { maxActions?: number }).maxActions ?? 0;
      }
      readonly title: string;
      readonly body: string;
      readonly tag: string;
      readonly data: unknown;
      readonly icon: string;
      onclick: ((e: Event) => void) | null = null;
      onshow: ((e: Event) => void) | null = null;
      onerror: ((e: Event) => void) | null = null;
      onclose: ((e: Event) => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        super();
        this.title = String(title);
        this.body = options.body ?? '';
        this.tag = options.tag ?? '';
        this.data = options.data ?? null;
        this.icon = options.icon ?? '';
        if (QuietNotification.permission === 'granted') held();
      }
      close() {}
    }
    window.Notification = QuietNotification as unknown as typeof Notification;
  }
  if (registration && typeof realShow === 'function') {
    registration.showNotification = function quietShowNotification() {
      if (QuietPermission() === 'granted') held();
      return Promise.resolve();
    };
  }

  function QuietPermission(): NotificationPermission | undefined {
    return seenPermission === 'granted' ? 'granted' : RealNotification?.permission;
  }

  const restore = () => {
    window.removeEventListener('hearth:restore', restore);
    if (RealNotification) window.Notification = RealNotification;
    if (registration && typeof realShow === 'function') registration.showNotification = realShow;
    delete slot[KEY];
  };
  // Hearth's isolated script says so when the worker can no longer reach this tab.
  window.addEventListener('hearth:restore', restore);
  return { restore };
}
