// Test code only: just enough of a page for Preact to draw the settings pages in the
// unit tests' node environment (which has no DOM), to press keys and click in it, and
// to see where focus is. roles.ts finds what is drawn as a screen reader does. The
// browser tests check the real pages; these check one component's words and focus quickly.
import { options, render, type ComponentChild } from 'preact';

type Listener = { fn: (this: FakeNode, event: FakeEvent) => void; capture: boolean };

export interface FakeEvent {
  type: string;
  key?: string;
  isComposing?: boolean;
  target: FakeElement;
  currentTarget: FakeNode | null;
  defaultPrevented: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

export class FakeNode {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  private listeners = new Map<string, Listener[]>();
  constructor(
    readonly nodeType: number,
    readonly ownerDocument: FakeDocument | null,
  ) {}

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get isConnected(): boolean {
    return this instanceof FakeDocument || Boolean(this.parentNode?.isConnected);
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.childNodes.forEach((c) => (c.parentNode = null));
    this.childNodes = [];
    if (text) this.appendChild(new FakeText(String(text), this.ownerDocument));
  }
  insertBefore(node: FakeNode, before: FakeNode | null): FakeNode {
    node.remove();
    const at = before ? this.childNodes.indexOf(before) : -1;
    this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, node);
    node.parentNode = this;
    return node;
  }
  appendChild(node: FakeNode): FakeNode {
    return this.insertBefore(node, null);
  }
  remove(): void {
    const parent = this.parentNode;
    if (!parent) return;
    parent.childNodes.splice(parent.childNodes.indexOf(this), 1);
    this.parentNode = null;
  }
  addEventListener(type: string, fn: Listener['fn'], capture = false): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), { fn, capture }]);
  }
  removeEventListener(type: string, fn: Listener['fn'], capture = false): void {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l.fn !== fn || l.capture !== capture));
  }
  /** Calls this node's listeners for `event` in one phase. */
  hear(event: FakeEvent, capture: boolean): void {
    event.currentTarget = this;
    for (const l of this.listeners.get(event.type) ?? []) if (l.capture === capture) l.fn.call(this, event);
  }
}

export class FakeText extends FakeNode {
  constructor(
    public data: string,
    doc: FakeDocument | null,
  ) {
    super(3, doc);
  }
  override get textContent(): string {
    return this.data;
  }
}

export class FakeElement extends FakeNode {
  private readonly attrs = new Map<string, string>();
  // Properties Preact sets directly, as on a real element.
  value = '';
  checked = false;
  style = { cssText: '', setProperty() {} };
  constructor(
    readonly localName: string,
    doc: FakeDocument | null,
  ) {
    super(1, doc);
  }
  get namespaceURI() {
    return 'http://www.w3.org/1999/xhtml';
  }
  get id(): string {
    return this.getAttribute('id') ?? '';
  }
  set id(id: string) {
    this.setAttribute('id', id);
  }
  get attributes() {
    return [...this.attrs].map(([name, value]) => ({ name, value }));
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name.toLowerCase()) ?? null;
  }
  setAttribute(name: string, value: unknown): void {
    this.attrs.set(name.toLowerCase(), String(value));
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name.toLowerCase());
  }
  focus(): void {
    if (this.ownerDocument) this.ownerDocument.focused = this;
  }
  select(): void {}
  /** Every element under this one, in document order. */
  all(): FakeElement[] {
    return this.childNodes.flatMap((c) => (c instanceof FakeElement ? [c, ...c.all()] : []));
  }
}

export class FakeDocument extends FakeNode {
  readonly documentElement: FakeElement;
  readonly body: FakeElement;
  focused: FakeElement | null = null;
  constructor() {
    super(9, null);
    this.documentElement = this.appendChild(new FakeElement('html', this)) as FakeElement;
    this.body = this.documentElement.appendChild(new FakeElement('body', this)) as FakeElement;
  }
  createElement(name: string) {
    return new FakeElement(name, this);
  }
  createElementNS(_namespace: string, name: string) {
    return new FakeElement(name, this);
  }
  createTextNode(text: string) {
    return new FakeText(text, this);
  }
  getElementById(id: string): FakeElement | null {
    return this.documentElement.all().find((e) => e.id === id) ?? null;
  }
  /** As in a browser: the page's body once the focused element has left the page. */
  get activeElement(): FakeElement {
    return this.focused?.isConnected ? this.focused : this.body;
  }
}

/**
 * A fresh page as the global `document` (and a `window` for page-wide events), with
 * hooks' effects run a task after each render rather than a frame later.
 */
export function installPage(): FakeDocument {
  const doc = new FakeDocument();
  Object.assign(globalThis, { document: doc, window: new EventTarget() });
  options.requestAnimationFrame = (callback) => void setTimeout(callback);
  return doc;
}

/** Draws `vnode` into a fresh element on the page. */
export function mount(doc: FakeDocument, vnode: ComponentChild): FakeElement {
  const root = doc.body.appendChild(doc.createElement('div')) as FakeElement;
  render(vnode, root as unknown as Element);
  return root;
}

/** Lets pending answers, renders and effects run (each step may start the next). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((done) => setTimeout(done));
}

/** Sends `event` from `target` through the page: capture down, then bubbling up. */
function dispatch(target: FakeElement, type: string, more: Partial<FakeEvent> = {}): FakeEvent {
  let stopped = false;
  const event: FakeEvent = {
    type,
    target,
    currentTarget: null,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    stopPropagation: () => (stopped = true),
    ...more,
  };
  const path: FakeNode[] = [];
  for (let node: FakeNode | null = target; node; node = node.parentNode) path.push(node);
  for (const node of [...path].reverse()) if (!stopped) node.hear(event, true);
  for (const node of path) if (!stopped) node.hear(event, false);
  return event;
}

/** A press of `key` on the element that has focus (or `target`). */
export function press(target: FakeElement, key: string): FakeEvent {
  return dispatch(target, 'keydown', { key, isComposing: false });
}

/** A click; a checkbox changes first, as in a browser. */
export function click(target: FakeElement): void {
  target.focus();
  const checkbox = target.localName === 'input' && target.getAttribute('type') === 'checkbox';
  if (checkbox) target.checked = !target.checked;
  dispatch(target, 'click');
  if (checkbox) dispatch(target, 'change');
}
