// The notification stand-ins, run in a work page's own world (MAIN) during family
// time: the site keeps working and keeps its permission, but nothing pops up.
//
// The page's world is the page's: anything left there it can read or call. So
// nothing is: no global, no symbol, no event of Hearth's. The stand-ins talk only
// over a private MessagePort that Hearth's isolated script hands over (see
// standinsLink.ts), reporting each notification held and taking the one order
// there is, "put the page's own functions back" (and, a few seconds before family time
// starts, when to begin holding: until then the page's own functions answer). See docs/trust.md.
//
// Self-contained on purpose: the worker injects this very function into pages
// already open (scripting.executeScript `func` + `args`), so it may use nothing
// from outside its own body.

/**
 * `linkEvent` names the event the isolated script hands its port over with: a
 * fixed name at document_start (no page code has run yet), a fresh random one
 * when injected into a page already running. `seenNow`: take the permission the page
 * has now (a page already running, before Chromium's block comes), rather than at its
 * first use (a page loading during family time, whose permission is the block's already).
 */
export function installStandIns(linkEvent: string, seenNow: boolean): void {
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
  const defineProperties = Object.defineProperties;
  const setPrototypeOf = Object.setPrototypeOf;
  const reflectGet = Reflect.get;
  const construct = Reflect.construct;
  const ProxyOf = Proxy;
  const EventTargetOf = EventTarget;
  const resolved = Promise.resolve.bind(Promise);
  const clock = Date.now;
  const StringOf = String;
  const slice = String.prototype.slice;
  // The words of a notification held, as text, cut short (the page's own values may be anything).
  const text = (value: unknown, max: number): string => {
    try {
      return apply(slice, StringOf(value ?? ''), [0, max]) as string;
    } catch {
      return '';
    }
  };

  const RealNotification = win.Notification as typeof Notification | undefined;
  const proto = win.ServiceWorkerRegistration?.prototype;
  const realShow = proto?.showNotification;
  // The permission as the page knew it when family time began (Chromium's block
  // comes just after): the site keeps its view and does not nag for it again.
  // The getter itself, taken now: a page that later redefines `permission` on its
  // constructor (the stand-in passes such a change through) can't claim one it hasn't got.
  // Reading it asks the browser (about 5 ms of a loading page's main thread, profiled), so
  // a page loading during family time reads it only when the page or a notification needs it.
  const permissionOf = RealNotification ? Object.getOwnPropertyDescriptor(RealNotification, 'permission')?.get : undefined;
  const livePermission = (): NotificationPermission | undefined =>
    permissionOf ? (apply(permissionOf, RealNotification, []) as NotificationPermission) : undefined;
  let seenPermission = seenNow ? livePermission() : null;
  const permission = (): NotificationPermission | undefined =>
    (seenPermission ??= livePermission()) === 'granted' ? 'granted' : livePermission();

  // Hold from now, unless told over the port that family time starts later. Read from the
  // clock at each call rather than set by a timer: a hidden tab's timers come late. Never
  // once put back: a page that kept a stand-in (a library taking `Notification` as it
  // loads) must notify again after family time, not be held with no one to count it.
  let from = 0;
  let restored = false;
  const holding = () => !restored && clock() >= from;

  // Each notification held goes to Hearth's isolated script with its title and body, so
  // the parent's let-through words can be matched there (they never come into the page).
  let port: MessagePort | null = null;
  const pending: { held: 1; title: string; body: string }[] = [];
  const held = (title: unknown, body: unknown) => {
    if (permission() !== 'granted') return;
    const word = { held: 1 as const, title: text(title, 300), body: text(body, 1000) };
    if (port) apply(post, port, [word]);
    else if (pending.length < 100) pending[pending.length] = word;
  };

  const put = (target: object, key: string, value: unknown, enumerable: boolean) =>
    defineProperty(target, key, { value, writable: true, configurable: true, enumerable });
  // What else was changed, to be put back too (filled by index: the page may have replaced Array's own methods).
  const undo: (() => void)[] = [];
  const restore = () => {
    if (restored) return;
    restored = true;
    if (RealNotification) put(win, 'Notification', RealNotification, false);
    if (proto && typeof realShow === 'function') put(proto, 'showNotification', realShow, true);
    if (__FIREFOX__) for (let i = 0; i < undo.length; i++) undo[i]!();
  };
  // A registration's `showNotification`, held (the real method behind a Proxy, so it reads as native code and keeps its name).
  const heldShow: ProxyHandler<(...args: never[]) => unknown> = {
    apply(target, self, args: unknown[]) {
      if (!holding()) return apply(target, self, args);
      let body: unknown = '';
      try {
        body = (args[1] as NotificationOptions | undefined)?.body;
      } catch {
        /* a getter of the page's that throws: held all the same */
      }
      held(args[0], body);
      return resolved(undefined);
    },
  };

  if (RealNotification) {
    // The page's own constructor behind a Proxy: it reads as native code, and its
    // prototype, `instanceof` and statics are the real ones. Only `new` is answered
    // here, with an event target that looks like a notification shown and set down.
    const stand: typeof Notification = new ProxyOf(RealNotification, {
      construct(_target, args: unknown[], newTarget: { prototype: object }) {
        // No title: the browser's own constructor throws its own TypeError, and shows nothing.
        if (args.length === 0 || !holding()) return construct(RealNotification, args, newTarget as Function) as object;
        const options = (args[1] ?? {}) as NotificationOptions;
        const shown = new EventTargetOf();
        setPrototypeOf(shown, newTarget === stand ? RealNotification.prototype : newTarget.prototype);
        const fixed = (value: unknown) => ({ value, enumerable: true });
        const handler = { value: null, writable: true, enumerable: true };
        defineProperties(shown, {
          title: fixed(String(args[0])),
          body: fixed(options.body ?? ''),
          tag: fixed(options.tag ?? ''),
          data: fixed(options.data ?? null),
          icon: fixed(options.icon ?? ''),
          onclick: handler,
          onshow: handler,
          onerror: handler,
          onclose: handler,
          close: { value: () => undefined },
        });
        held(args[0], options.body);
        return shown;
      },
      get: (target, key) => (key === 'permission' ? (permission() ?? 'default') : reflectGet(target, key, target)),
    });
    put(win, 'Notification', stand, false);
  }
  if (proto && typeof realShow === 'function') put(proto, 'showNotification', new ProxyOf(realShow, heldShow), true);

  // Firefox runs the registered scripts in a new blank frame or popup a moment after it is
  // made, not at once: a page reaching in at once would find the browser's own Notification.
  // A window reached through `contentWindow`, `contentDocument` or `open` first gets this
  // page's stand-ins (held and counted here; its own scripts come a moment later, and wrap
  // them). Indexed access (`window[0]`) can't be hooked: docs/trust.md. Chromium runs the
  // scripts there at once, so its build leaves this out.
  if (__FIREFOX__ && RealNotification) {
    const stood = win.Notification;
    const toText = Function.prototype.toString;
    const later = win.setTimeout;
    const descriptorOf = Object.getOwnPropertyDescriptor;
    const viewOf = descriptorOf(Document.prototype, 'defaultView')?.get;
    // Each window looked at once (a page may ask for a frame's window at every message).
    const seen = new WeakSet<object>();
    const { has, add } = WeakSet.prototype;
    const reach = (w: unknown) => {
      if (restored || !w || w === win || apply(has, seen, [w])) return;
      apply(add, seen, [w]);
      try {
        const other = w as typeof win;
        const own = other.Notification;
        // Already stood in (its own scripts came, or reached before): the browser's own reads with its name.
        if (!own || text(apply(toText, own, []), 22) !== 'function Notification(') return;
        // Each put back once the frame's own stand-ins (which took this page's for the real one) have put it back.
        const standIn = (target: object, key: string, real: unknown, stand: unknown, enumerable: boolean) => {
          put(target, key, stand, enumerable);
          const back = (tries: number) => {
            try {
              if ((target as Record<string, unknown>)[key] === stand) put(target, key, real, enumerable);
              else if (tries > 0) apply(later, win, [() => back(tries - 1), 100]);
            } catch {
              /* the frame went */
            }
          };
          undo[undo.length] = () => back(30);
        };
        standIn(other, 'Notification', own, stood, false);
        const otherProto = other.ServiceWorkerRegistration?.prototype;
        const show = otherProto?.showNotification;
        if (otherProto && typeof show === 'function') standIn(otherProto, 'showNotification', show, new ProxyOf(show, heldShow), true);
      } catch {
        /* another origin's window: nothing of the page's to take from it */
      }
    };
    const hook = (target: object, key: string, toWindow: (value: unknown) => unknown) => {
      const was = descriptorOf(target, key);
      const get = was?.get;
      if (!was || !get) return;
      const stand = new ProxyOf(get, {
        apply(t, self, args: unknown[]) {
          const value = apply(t, self, args);
          reach(toWindow(value));
          return value;
        },
      });
      defineProperty(target, key, { get: stand, set: was.set, enumerable: was.enumerable, configurable: true });
      undo[undo.length] = () => defineProperty(target, key, was);
    };
    const same = (value: unknown) => value;
    for (const frame of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
      if (!frame) continue;
      hook(frame.prototype, 'contentWindow', same);
      hook(frame.prototype, 'contentDocument', (doc) => (doc && viewOf ? apply(viewOf, doc, []) : null));
    }
    const open = win.open;
    if (typeof open === 'function') {
      put(win, 'open', new ProxyOf(open, { apply: (t, self, args: unknown[]) => {
        const opened = apply(t, self, args);
        reach(opened);
        return opened;
      } }), true);
      undo[undo.length] = () => put(win, 'open', open, true);
    }
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
      const word = m.data as { restore?: boolean; from?: number } | null;
      if (typeof word?.from === 'number') from = word.from;
      if (word?.restore) restore();
    };
    apply(start, port, []);
    for (let i = 0; i < pending.length; i++) apply(post, port, [pending[i]]);
    pending.length = 0;
  };
  apply(addListener, win, [linkEvent, onLink, true]);
  // If the isolated script ran first, it waits for word that the stand-ins are here.
  apply(dispatch, win, [new Event(`${linkEvent}:ready`)]);
}
