// Just enough of a page for the content scripts' features to run in the unit tests'
// node environment, which has no DOM: a MutationObserver whose records the test's
// page model queues and `settle()` delivers (the browser does so in a microtask),
// and a document that is an EventTarget, so listeners added with a signal go with it.
// Test code only; the browser tests run the features in real pages.

export class FakeObserver {
  static made: FakeObserver[] = [];
  private readonly watched = new Map<object, MutationObserverInit | undefined>();
  private queue: MutationRecord[] = [];

  constructor(private readonly callback: MutationCallback) {
    FakeObserver.made.push(this);
  }
  observe(target: object, options?: MutationObserverInit): void {
    this.watched.set(target, options);
  }
  /** How `target` is watched now (undefined: it is not). */
  optionsFor(target: object): MutationObserverInit | undefined {
    return this.watched.get(target);
  }
  disconnect(): void {
    this.watched.clear();
    this.queue = [];
  }
  takeRecords(): MutationRecord[] {
    return this.queue.splice(0);
  }
  get watching(): boolean {
    return this.watched.size > 0;
  }

  /** A change to `nodes` (its target, and the ancestors watched with `subtree`), for whoever watches one. */
  static record(record: Partial<MutationRecord>, nodes: object[]): void {
    for (const observer of FakeObserver.made) {
      if (nodes.some((n) => observer.watched.has(n))) observer.queue.push({ addedNodes: [], removedNodes: [], ...record } as unknown as MutationRecord);
    }
  }
  /** Delivers queued records until none are left (a callback's own writes make more). */
  static settle(): void {
    for (let rounds = 0; FakeObserver.made.some((o) => o.queue.length); rounds++) {
      if (rounds > 100) throw new Error('mutations never settle');
      for (const observer of FakeObserver.made) {
        const records = observer.takeRecords();
        if (records.length) observer.callback(records, observer as unknown as MutationObserver);
      }
    }
  }
  static reset(): void {
    FakeObserver.made = [];
  }
}

/** Fires `DOMContentLoaded` on a fake document, as the parser does when it is done. */
export function finishParsing(document: EventTarget & { readyState: DocumentReadyState }): void {
  document.readyState = 'interactive';
  document.dispatchEvent(new Event('DOMContentLoaded'));
}

/**
 * After the next task: what counts by the task (a write budget) counts afresh, told by a
 * port message as in a page. Fake timers leave ports alone.
 */
export async function nextTask(): Promise<void> {
  await new Promise<void>((done) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => (port1.close(), done());
    port2.postMessage(0);
  });
  for (let i = 0; i < 2; i++) await new Promise((done) => setImmediate(done));
}
