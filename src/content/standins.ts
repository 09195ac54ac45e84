// Over 250 lines: one function that must carry all it uses, since the worker injects its very source into pages already open.
// The notification stand-ins, run in a work page's own world (MAIN) during family
// time: the site keeps working and keeps its permission, but nothing pops up.
//
// The page's world is the page's: anything left there it can read or call. So
// nothing is: no global, no symbol, no event of Hearth's. The stand-ins talk only
// over a private MessagePort that Hearth's isolated script hands over (see
// standinsLink.ts), reporting each notification held and taking the one order
// there is, "put the page's own functions back" (and, a few seconds before family time
// starts, when to begin holding: until then the page's own functions answer; and, for a page
// loading under Chromium's block, that the parent allowed its notifications). See docs/trust.md.
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
  const setOnMessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')?.set;
  const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get;
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

  // Every object of Hearth's the engine reads keys from (a Proxy's handler, a property
  // descriptor, a list added to later) has no prototype: what the page puts on
  // `Object.prototype` or `Array.prototype` (an `apply` trap, a `get`, an index setter)
  // can't answer for it.
  const bare = <T extends object>(o: T): T => {
    setPrototypeOf(o, null);
    return o;
  };
  // Never throws: a page already running may have frozen what is put here, and each
  // step must still be taken (the link above all, or nothing could put the page back).
  const put = (target: object, key: string, value: unknown, enumerable: boolean) => {
    try {
      defineProperty(target, key, bare({ value, writable: true, configurable: true, enumerable }));
    } catch {
      /* frozen by the page: left as it is */
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
  const pending = bare<{ held: 1; title: string; body: string }[]>([]);
  const noteHeld = (title: unknown, body: unknown) => {
    if (permission() !== 'granted') return;
    const word = { held: 1 as const, title: text(title, 300), body: text(body, 1000) };
    if (port) apply(post, port, [word]);
    else if (pending.length < 100) pending[pending.length] = word;
  };

  // What was replaced, to be put back: object, key, the page's own, enumerable. Read by
  // index only (an array's iterator is the page's to replace).
  const replaced = bare<[object, string, unknown, boolean][]>([]);
  const standIn = (target: object, key: string, real: unknown, stand: unknown, enumerable: boolean) => {
    replaced[replaced.length] = [target, key, real, enumerable];
    put(target, key, stand, enumerable);
  };
  // The app's badge (an installed web app's unread count on its icon, Chromium): cleared as
  // the holding begins, and the last one the page asked for given back at the end. Each
  // call's promise is settled with `then` as it is now (the browser's own at document_start):
  // a refusal (in a frame, say) raises nothing the page could hear.
  const nav = win.navigator;
  const navProto = win.Navigator?.prototype;
  const realClear = navProto?.clearAppBadge;
  const settle = Promise.prototype.then;
  const ignore = () => undefined;
  const badge = (fn: Function | undefined, args: unknown[]) => {
    try {
      apply(settle, apply(fn!, nav, args), [ignore, ignore]);
    } catch {
      /* no badge here */
    }
  };
  let lastBadge: [Function, unknown[]] | null = null;
  let hushed = false;
  const hush = () => {
    if (hushed || !holding()) return;
    hushed = true;
    badge(realClear, []);
  };

  const restore = () => {
    if (restored) return;
    restored = true;
    if (hushed && lastBadge) badge(lastBadge[0], lastBadge[1]);
    for (let i = 0; i < replaced.length; i++) {
      const r = replaced[i]!;
      put(r[0], r[1], r[2], r[3]);
    }
  };

  if (RealNotification) {
    // The page's own constructor behind a Proxy: it reads as native code, and its
    // prototype, `instanceof` and statics are the real ones. Only `new` is answered
    // here, with an event target that looks like a notification shown and set down.
    const stand: typeof Notification = new ProxyOf(RealNotification, bare({
      construct(_target, args: unknown[], newTarget: { prototype: object }) {
        // No title: the browser's own constructor throws its own TypeError, and shows nothing.
        if (args.length === 0 || !holding()) return construct(RealNotification, args, newTarget as Function) as object;
        const options = (args[1] ?? {}) as NotificationOptions;
        const shown = new EventTargetOf();
        setPrototypeOf(shown, newTarget === stand ? RealNotification.prototype : newTarget.prototype);
        const fixed = (value: unknown) => bare({ value, enumerable: true });
        const handler = bare({ value: null, writable: true, enumerable: true });
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
          close: bare({ value: () => undefined }),
        });
        noteHeld(args[0], options.body);
        return shown;
      },
      // Anything else read as from the stand-in itself, so a getter the page puts on
      // `Function.prototype` or `Object.prototype` is handed the stand-in, never the real
      // constructor. Once put back, even the permission is the browser's own.
      get: (target, key, receiver) =>
        key === 'permission' && !restored ? (permission() ?? 'default') : reflectGet(target, key, receiver),
    }));
    standIn(win, 'Notification', RealNotification, stand, false);
    // The prototype's own way back to the constructor leads to the stand-in too (it led to
    // the browser's own: a pristine constructor one property away).
    standIn(RealNotification.prototype, 'constructor', RealNotification, stand, false);
  }
  if (proto && typeof realShow === 'function') {
    // Held while holding: answered with a promise of nothing, behind a Proxy of the page's
    // own so that it reads as native code and keeps its name.
    const stand = new ProxyOf(realShow, bare({
      apply(target: Function, self: unknown, args: unknown[]) {
        if (!holding()) return apply(target, self, args);
        let body: unknown = '';
        try {
          body = (args[1] as NotificationOptions | undefined)?.body;
        } catch {
          /* a getter of the page's that throws: held all the same */
        }
        noteHeld(args[0], body);
        return resolved(undefined);
      },
    }));
    standIn(proto, 'showNotification', realShow, stand, true);
  }
  // Each by its own call: a loop would take the page's array iterator. Every ask is noted,
  // held or not, so that what the page asked for last comes back at the end. A page that
  // put something odd there first (not a function, a getter that throws) keeps it.
  const badgeStandIn = (key: 'setAppBadge' | 'clearAppBadge') => {
    try {
      const real = navProto?.[key];
      if (typeof real !== 'function') return;
      const stand = new ProxyOf(real, bare({
        apply(target: Function, self: unknown, args: unknown[]) {
          const value = args[0];
          // A primitive or none: nothing of the page's is kept to call later.
          lastBadge = [target, value === undefined || (typeof value === 'object' && value !== null) || typeof value === 'function' ? [] : [value]];
          if (!holding()) return apply(target, self, args);
          hush();
          return resolved(undefined);
        },
      }));
      standIn(navProto, key, real, stand, true);
    } catch {
      /* left as the page has it */
    }
  };
  badgeStandIn('setAppBadge');
  badgeStandIn('clearAppBadge');

  // The link: take the first port handed over, and only one; then stop listening.
  const onLink = (e: Event) => {
    const ports = portsOf ? (apply(portsOf, e, []) as readonly MessagePort[]) : [];
    const given = ports[0];
    if (port || !given) return;
    port = given;
    apply(preventDefault, e, []); // says "taken" to the isolated script, synchronously
    apply(removeListener, win, [linkEvent, onLink, true]);
    // Words are primitives read through the getter taken above: no object of the page's
    // realm, whose properties `Object.prototype` could answer for, is ever asked.
    const onWord = (m: MessageEvent) => {
      const word: unknown = dataOf ? apply(dataOf, m, []) : null;
      if (typeof word === 'number') {
        from = word;
        // Armed ahead: a page that loaded in the seconds before the start held from its first
        // moment until this word; the badge is cleared again at the start.
        if (!holding()) hushed = false;
        hush();
      }
      else if (word === 'restore') restore();
      // A page loading under Chromium's block reads denied: the parent's own answer is this.
      else if (word === 'granted') seenPermission = 'granted';
    };
    if (setOnMessage) apply(setOnMessage, port, [onWord]);
    apply(start, port, []);
    for (let i = 0; i < pending.length; i++) apply(post, port, [pending[i]]);
    pending.length = 0;
  };
  apply(addListener, win, [linkEvent, onLink, true]);
  // If the isolated script ran first, it waits for word that the stand-ins are here.
  apply(dispatch, win, [new Event(`${linkEvent}:ready`)]);
}
