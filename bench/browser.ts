// A Chromium for measurements that DevTools must not disturb, driven over a bare
// DevTools pipe (--remote-debugging-pipe, JSON messages ending in a NUL byte).
//
// Why not Playwright here: Playwright attaches DevTools to every service worker, and
// Chromium never idles out a worker with DevTools attached. Under Playwright Hearth's
// worker ran for the whole of a 60 s wait; on a bare pipe that only *discovers*
// targets (Target.setDiscoverTargets, no attach) it stopped 30 s after its last event,
// as it does for a parent. Idle CPU, wake-ups and memory "after the worker has gone
// idle" need the worker to be able to go idle, and page loads during family time
// should meet the worker as a parent's browser would. The switches are
// tests/e2e/harness.ts's CHROMIUM_FLAGS; pages are attached (each configuration alike), workers never.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_FLAGS, EXECUTABLE } from '../tests/e2e/harness';

type Params = Record<string, unknown>;
type Handler = (params: Params, sessionId: string | undefined) => void;

export interface Tab {
  targetId: string;
  sessionId: string;
  /** Navigates and resolves at the load event, with the wall time from the request. */
  navigate(url: string): Promise<{ wallMs: number }>;
  /** Evaluates an expression (awaiting a promise) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface Bare {
  name: string;
  pid: number;
  userDataDir: string;
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  on(method: string, handler: Handler): () => void;
  /**
   * A new tab, by default in a window of its own (so it is the visible tab, as a page
   * being read is); `inFirstWindow`: a background tab of the window there already.
   */
  openTab(url: string, opts?: { inFirstWindow?: boolean }): Promise<Tab>;
  /** Service workers running now whose script URL starts with `prefix`. */
  running(prefix: string): number;
  /** How many times a service worker whose script URL starts with `prefix` has started. */
  starts(prefix: string): number;
  /** Milliseconds such workers ran since `since` (a performance.now() reading), to now. */
  runningMs(prefix: string, since: number): number;
  /** Resolves once no worker with `prefix` runs (false if one still runs after `timeoutMs`). */
  untilStopped(prefix: string, timeoutMs: number): Promise<boolean>;
  /** Resolves once a worker whose script URL passes `test` has started (now or before); returns that URL. */
  untilStarted(test: (url: string) => boolean, timeoutMs: number): Promise<string>;
  /** Stops the running workers whose script URL starts with `prefix`, and only those (through the tab's session). */
  stopWorker(tab: Tab, prefix: string): Promise<void>;
  /**
   * Attaches DevTools to a running worker (one not measured: attached, Chromium keeps
   * it running) and evaluates in it.
   */
  attachWorker(test: (url: string) => boolean): Promise<{ sessionId: string; evaluate<T>(expression: string): Promise<T> }>;
  /** Stops every service worker now, as Chromium does when it idles one out (through the tab's session). */
  stopWorkers(tab: Tab): Promise<void>;
  /** Closes every page target whose URL matches (e.g. a welcome tab an extension opened). */
  closePages(match: (url: string) => boolean): Promise<void>;
  close(): Promise<void>;
}

export interface BareOptions {
  name: string;
  /** Unpacked extension directories to load (none: a browser without extensions). */
  extensions?: string[];
  /** A prepared profile directory (else a fresh one, removed on close). */
  userDataDir?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchBare(opts: BareOptions): Promise<Bare> {
  const dir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'hearth-bench-')));
  const extensions = opts.extensions ?? [];
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${dir}`,
    ...(extensions.length
      ? [`--disable-extensions-except=${extensions.join(',')}`, `--load-extension=${extensions.join(',')}`]
      : []),
    ...CHROMIUM_FLAGS,
    'about:blank',
  ];
  const child: ChildProcess = spawn(EXECUTABLE, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  if (child.pid === undefined) throw new Error(`could not start ${EXECUTABLE}`);

  let nextId = 0;
  const pending = new Map<number, { resolve: (v: Params) => void; reject: (e: Error) => void; method: string }>();
  const handlers = new Map<string, Set<Handler>>();
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as {
        id?: number;
        method?: string;
        params?: Params;
        result?: Params;
        error?: { message: string };
        sessionId?: string;
      };
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
        else call?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const h of handlers.get(message.method) ?? []) h(message.params ?? {}, message.sessionId);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const call of pending.values()) call.reject(new Error(`${call.method}: the browser exited`));
    pending.clear();
  });

  const send = <T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer within 30 s`));
      }, 30_000);
      pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  /** Evaluates an expression in one attached target, awaiting it and returning its value. */
  const evaluateIn =
    (sessionId: string) =>
    async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    };
  const on = (method: string, handler: Handler) => {
    if (!handlers.has(method)) handlers.set(method, new Set());
    handlers.get(method)!.add(handler);
    return () => void handlers.get(method)!.delete(handler);
  };

  // Service workers, seen by discovery only (never attached: see the top of this file).
  const workers = new Map<string, string>(); // targetId -> script URL
  const started: string[] = [];
  // Spans each worker ran: [script URL, from, to (undefined while it runs)], performance.now() times.
  const spans: { url: string; from: number; to?: number; targetId: string }[] = [];
  const changed = new Set<() => void>();
  on('Target.targetCreated', ({ targetInfo }) => {
    const info = targetInfo as { targetId: string; type: string; url: string };
    if (info.type !== 'service_worker') return;
    workers.set(info.targetId, info.url);
    started.push(info.url);
    spans.push({ url: info.url, from: performance.now(), targetId: info.targetId });
    changed.forEach((f) => f());
  });
  on('Target.targetDestroyed', ({ targetId }) => {
    const span = spans.find((x) => x.targetId === targetId && x.to === undefined);
    if (span) span.to = performance.now();
    if (workers.delete(String(targetId))) changed.forEach((f) => f());
  });
  await send('Target.setDiscoverTargets', { discover: true });

  const running = (prefix: string) => [...workers.values()].filter((u) => u.startsWith(prefix)).length;
  const waitFor = async (done: () => boolean, timeoutMs: number) => {
    if (done()) return true;
    return new Promise<boolean>((resolve) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        changed.delete(check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        changed.delete(check);
        resolve(false);
      }, timeoutMs);
      changed.add(check);
    });
  };

  const attach = async (targetId: string): Promise<Tab> => {
    const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await send('Page.enable', {}, sessionId);
    await send('Runtime.enable', {}, sessionId);
    const evaluate = evaluateIn(sessionId);
    return {
      targetId,
      sessionId,
      evaluate,
      async navigate(url) {
        const loaded = new Promise<void>((resolve) => {
          const off = on('Page.loadEventFired', (_p, s) => {
            if (s !== sessionId) return;
            off();
            resolve();
          });
        });
        const t0 = performance.now();
        const { errorText } = await send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
        if (errorText) throw new Error(`${url}: ${errorText}`);
        await loaded;
        return { wallMs: performance.now() - t0 };
      },
      async close() {
        await send('Target.closeTarget', { targetId }).catch(() => undefined);
      },
    };
  };

  const bare: Bare = {
    name: opts.name,
    pid: child.pid,
    userDataDir: dir,
    send,
    on,
    async openTab(url, { inFirstWindow = false } = {}) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', {
        url: 'about:blank',
        newWindow: !inFirstWindow,
        background: inFirstWindow,
      });
      const tab = await attach(targetId);
      if (url !== 'about:blank') await tab.navigate(url);
      return tab;
    },
    running,
    starts: (prefix) => started.filter((u) => u.startsWith(prefix)).length,
    runningMs(prefix, since) {
      const now = performance.now();
      return spans
        .filter((x) => x.url.startsWith(prefix))
        .reduce((ms, x) => ms + Math.max(0, Math.min(x.to ?? now, now) - Math.max(x.from, since)), 0);
    },
    untilStopped: (prefix, timeoutMs) => waitFor(() => running(prefix) === 0, timeoutMs),
    async untilStarted(test, timeoutMs) {
      const seen = () => started.find(test);
      if (!(await waitFor(() => seen() !== undefined, timeoutMs))) throw new Error(`${opts.name}: no such worker within ${timeoutMs} ms`);
      return seen()!;
    },
    async stopWorker(tab, prefix) {
      const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
      const off = on('ServiceWorker.workerVersionUpdated', (p, s) => {
        if (s !== tab.sessionId) return;
        for (const v of p.versions as { versionId: string; scriptURL: string; runningStatus: string }[]) versions.set(v.versionId, v);
      });
      try {
        await send('ServiceWorker.enable', {}, tab.sessionId);
        await sleep(100); // enabling reports every version at once
        for (const [versionId, v] of versions) {
          if (v.scriptURL.startsWith(prefix) && v.runningStatus !== 'stopped') await send('ServiceWorker.stopWorker', { versionId }, tab.sessionId);
        }
      } finally {
        off();
        await send('ServiceWorker.disable', {}, tab.sessionId).catch(() => undefined);
      }
      if (!(await waitFor(() => running(prefix) === 0, 5000))) throw new Error(`${opts.name}: ${prefix} did not stop`);
    },
    async attachWorker(test) {
      const targetId = [...workers].find(([, url]) => test(url))?.[0];
      if (!targetId) throw new Error(`${opts.name}: no such worker running`);
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      return {
        sessionId,
        evaluate: evaluateIn(sessionId),
      };
    },
    async stopWorkers(tab) {
      await send('ServiceWorker.enable', {}, tab.sessionId);
      await send('ServiceWorker.stopAllWorkers', {}, tab.sessionId);
      await send('ServiceWorker.disable', {}, tab.sessionId);
    },
    async closePages(match) {
      const { targetInfos } = await send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
      for (const t of targetInfos) {
        // A page may close by itself meanwhile.
        if (t.type === 'page' && match(t.url)) await send('Target.closeTarget', { targetId: t.targetId }).catch(() => undefined);
      }
    },
    async close() {
      await send('Browser.close').catch(() => undefined);
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (!opts.userDataDir) await rm(dir, { recursive: true, force: true });
    },
  };
  return bare;
}
