// The notification stand-ins, run in a work page's own world (MAIN) during family
// time: the site keeps working and keeps its permission, but nothing pops up.
//
// The page's world is the page's: anything left there it can read or call. So
// nothing is: no global, no symbol, no event of Hearth's. The stand-ins talk only
// over a private MessagePort that Hearth's isolated script hands over (see
// standinsLink.ts), reporting each notification held and taking the one order
// there is, "put the page's own functions back". See docs/trust.md.
//
// Self-contained on purpose: the worker injects this very function into pages
// already open (scripting.executeScript `func` + `args`), so it may use nothing
// from outside its own body.

/**
 * `linkEvent` names the event the isolated script hands its port over with: a
 * fixed name at document_start (no page code has run yet), a fresh random one
 * when injected into a page already running.
 */
export function installStandIns(linkEvent: string): void {
  // The page's own intrinsics as they are now, before any later page code can
  // wrap them: everything below calls only these.
  const win = window;
  const apply = Reflect.apply;
  const addListener = EventTarget.prototype.addEventListener;
  const removeListener = EventTarget.prototype.removeEventListener;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const preventDefault = Event.prototype.preventDefault;
  const portsOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'ports')?.get;
  const post = MessagePort.prototype.postMessage;
  const start = MessagePort.prototype.start;
  const defineProperty = Object.defineProperty;
  const resolved = Promise.resolve.bind(Promise);

  const RealNotification = win.Notification as typeof Notification | undefined;
  const proto = win.ServiceWorkerRegistration?.prototype;
  const realShow = proto?.showNotification;
  // The permission as the page knew it when family time began (Chromium's block
  // comes just after): the site keeps its view and does not nag for it again.
  const seenPermission = RealNotification?.permission;
  const permission = (): NotificationPermission | undefined =>
    seenPermission === 'granted' ? 'granted' : RealNotification?.permission;

  let port: MessagePort | null = null;
  let pending = 0;
  const held = () => {
    if (permission() !== 'granted') return;
    if (port) apply(post, port, [{ held: 1 }]);
    else pending++;
  };

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (RealNotification) defineProperty(win, 'Notification', { value: RealNotification, writable: true, configurable: true, enumerable: false });
    if (proto && typeof realShow === 'function') defineProperty(proto, 'showNotification', { value: realShow, writable: true, configurable: true, enumerable: true });
  };

  if (RealNotification) {
    // Looks and behaves like a notification that was shown and quietly set down.
    class Notification extends EventTarget {
      static get permission(): NotificationPermission {
        return permission() ?? 'default';
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
        held();
      }
      close() {}
    }
    defineProperty(win, 'Notification', { value: Notification, writable: true, configurable: true, enumerable: false });
  }
  if (proto && typeof realShow === 'function') {
    // A method, named as the real one is, so the site sees nothing unusual about it.
    const stand = {
      showNotification(this: ServiceWorkerRegistration) {
        held();
        return resolved(undefined);
      },
    }.showNotification;
    defineProperty(proto, 'showNotification', { value: stand, writable: true, configurable: true, enumerable: true });
  }

  // The link: take the first port handed over, and only one; then stop listening.
  const onLink = (e: Event) => {
    const ports = portsOf ? (apply(portsOf, e, []) as readonly MessagePort[]) : [];
    const given = ports[0];
    if (port || !given) return;
    port = given;
    apply(preventDefault, e, []); // says "taken" to the isolated script, synchronously
    apply(removeListener, win, [linkEvent, onLink, true]);
    port.onmessage = (m: MessageEvent) => {
      if ((m.data as { restore?: boolean } | null)?.restore) restore();
    };
    apply(start, port, []);
    for (; pending > 0; pending--) apply(post, port, [{ held: 1 }]);
  };
  apply(addListener, win, [linkEvent, onLink, true]);
  // If the isolated script ran first, it waits for word that the stand-ins are here.
  apply(dispatch, win, [new Event(`${linkEvent}:ready`)]);
}
