// Time to quiet: from a boundary's scheduled instant (its alarm; no popup open) until
// every effect is applied on 50 open work tabs (each tab muted, each title without its
// unread count, each tucked away in Hearth's tab group, the site's notifications
// blocked), and from its end until all are back (out of the group, at their places). With the worker running at the alarm (warm: the settings change seconds
// before woke it) and with it stopped beforehand (cold: the alarm starts it).
// The instants are those at which the browser reported each change to a second
// extension (tests/fixtures/watcher-extension: tabs.onUpdated notes, content settings
// read every 20 ms), so they do not depend on how soon the benchmark looks. The tabs
// are background tabs of one window, as a parent's are; each is touched (a key
// pressed) during family time, so the end puts it back rather than reloading it.
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { WATCHER } from '../tests/e2e/harness';
import type { Tab } from './browser';
import { configNamed, inHearth, launchConfig, setBenchBlock } from './configs';
import { servePages } from './pages';
import { processTree } from './procfs';
import { QUICK, record, spread } from './record';

const TABS = QUICK ? 10 : 50;
const ROUNDS = QUICK ? 1 : 3;
const LEAD_MS = 4000;
const SPAN_MS = 8000;
const SETTLE_MS = 6000;

interface Note {
  at: number;
  kind: 'muted' | 'title' | 'group' | 'notifications';
  url: string;
  value: unknown;
}

interface Round {
  workerRunningAtStart: boolean;
  extensionProcessesBeforeStart: number;
  workerRunningAtEnd: boolean;
  extensionProcessesBeforeEnd: number;
  everyEffectOnMs: number;
  everyEffectBackMs: number;
  blockOnMs: number;
  blockBackMs: number;
  tabsOn: TabTimes[];
  tabsBack: TabTimes[];
  reloadedAtEnd: number;
  /** Tabs the browser still held frozen after the end (from the collapsed group): they put themselves back when looked at. */
  frozenAfterEnd: number;
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const counted = (title: unknown) => /^\(\d+\)/.test(String(title));

interface TabTimes {
  mute: number;
  title: number;
  tuck: number;
  /**
   * The tab is quiet: muted and tucked away, its title without a count or out of sight;
   * back: unmuted, out of Hearth's group, and its title back, unless the browser froze it
   * in the collapsed group (then its title comes back when the parent looks at it).
   */
  both: number;
}

/** For each tab: when (ms from `from`) it first showed `muted`, a title with or without a count, in a group or out of it; Infinity: never. */
function tabTimes(notes: Note[], urls: string[], from: number, quiet: boolean): TabTimes[] {
  const first = (url: string, kind: Note['kind'], ok: (v: unknown) => boolean) =>
    (notes.find((n) => n.url === url && n.kind === kind && n.at >= from - 1000 && ok(n.value))?.at ?? Number.POSITIVE_INFINITY) - from;
  return urls.map((url) => {
    const mute = first(url, 'muted', (v) => v === quiet);
    const title = first(url, 'title', (v) => counted(v) !== quiet);
    const tuck = first(url, 'group', (v) => (v !== -1) === quiet);
    const shown = quiet ? Math.min(title, tuck) : Number.isFinite(title) ? title : 0;
    return { mute, title, tuck, both: Math.max(mute, tuck, shown) };
  });
}

test('time to quiet on 50 work tabs, warm and cold', { timeout: 600_000 }, async () => {
  const pages = await servePages();
  const b = await launchConfig(configNamed('hearth-off'), { alsoLoad: [WATCHER] });
  try {
    const tabs: Tab[] = [];
    const urls: string[] = [];
    for (let i = 0; i < TABS; i++) {
      urls.push(`${pages.work}/doc/quiet-${i}`);
      tabs.push(await b.openTab(urls[i]!, { inFirstWindow: true }));
    }
    const watcher = await b.attachWorker((u) => u.endsWith('/watcher.js'));
    // Tucked away too: the test build holds the permission a parent gives in the click.
    await inHearth(b, `chrome.runtime.sendMessage({ type: 'setSiteTuck', tuck: true })`);
    // Extension processes alive: the watcher's, and Hearth's while its worker (or a page) lives.
    const extensionProcesses = () =>
      processTree(b.pid).filter(({ pid }) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process');
        } catch {
          return false;
        }
      }).length;

    const modes: Record<string, unknown> = {};
    for (const cold of [false, true]) {
      const rounds: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const start = Date.now() + LEAD_MS;
        const end = start + SPAN_MS;
        await setBenchBlock(b, `bench-${start}`, start, end);
        // The parent's own tab in front (closing the page that set the block may have put a
        // work tab there, which Hearth leaves in place until the parent looks away from it).
        await watcher.evaluate(
          `chrome.tabs.query({ windowType: 'normal' }).then((all) => { const own = all.find((t) => !/^(http:\\/\\/127|chrome-extension)/.test(t.url)); return own && chrome.tabs.update(own.id, { active: true }); })`,
        );
        await watcher.evaluate(`globalThis.watchNotifications(${end + SETTLE_MS - Date.now()})`);
        if (cold) {
          await sleepUntil(start - LEAD_MS / 2); // the settings change has set the alarm
          // and armed family time (the start is within the lead): stopped once that is done, as
          // a worker the arm alarm woke may be, it starts again for the start's own alarm.
          const blockSeen = async () =>
            (await watcher.evaluate<Note[]>('globalThis.notes()')).some((n) => n.kind === 'notifications' && n.value === 'block' && n.at > start - LEAD_MS);
          while (!(await blockSeen()) && Date.now() < start - 500) await sleepUntil(Date.now() + 100);
          await b.stopWorker(tabs[0]!, b.workerPrefix!);
          // Its process goes too, once the page that set the schedule has gone with it.
          while (extensionProcesses() > 1 && Date.now() < start - 300) await sleepUntil(Date.now() + 100);
        }
        const extensionProcessesBeforeStart = extensionProcesses();
        const workerRunningAtStart = b.running(b.workerPrefix!) > 0;
        await sleepUntil(start + SETTLE_MS);
        // Touched during family time: put back at the end, not reloaded.
        for (const tab of tabs) {
          for (const type of ['keyDown', 'keyUp']) {
            await b.send('Input.dispatchKeyEvent', { type, key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 }, tab.sessionId);
          }
        }
        if (cold) {
          // Stopped seconds after the end was readied (tucked tabs woken, ARM_LEAD_MS before
          // it), as a worker that alarm woke may be: the end's own alarm starts it again.
          await sleepUntil(end - LEAD_MS / 2);
          await b.stopWorker(tabs[0]!, b.workerPrefix!);
          while (extensionProcesses() > 1 && Date.now() < end - 300) await sleepUntil(Date.now() + 100);
        }
        const extensionProcessesBeforeEnd = extensionProcesses();
        const requestsBeforeEnd = pages.requests;
        const workerRunningAtEnd = b.running(b.workerPrefix!) > 0;
        await sleepUntil(end + SETTLE_MS);
        const notes = await watcher.evaluate<Note[]>('globalThis.notes()');
        const frozenAfterEnd = await watcher.evaluate<number>(`chrome.tabs.query({ url: 'http://127.0.0.1/*' }).then((ts) => ts.filter((t) => t.frozen).length)`);
        // The block is set as family time is armed, seconds before the start: in force then,
        // it counts from when the watcher first saw it (negative: before the start).
        const words = notes.filter((n) => n.kind === 'notifications');
        const blocked = (from: number, want: boolean) => {
          const said = (n: Note | undefined) => n !== undefined && (n.value === 'block') === want;
          const before = words.filter((n) => n.at < from).at(-1);
          if (said(before) && before!.at >= from - LEAD_MS) return before!.at - from;
          return (words.find((n) => n.at >= from && said(n))?.at ?? Number.POSITIVE_INFINITY) - from;
        };
        const on = tabTimes(notes, urls, start, true);
        const off = tabTimes(notes, urls, end, false);
        const blockOn = blocked(start, true);
        const blockOff = blocked(end, false);
        rounds.push({
          workerRunningAtStart,
          extensionProcessesBeforeStart,
          workerRunningAtEnd,
          extensionProcessesBeforeEnd,
          everyEffectOnMs: Math.max(blockOn, ...on.map((t) => t.both)),
          everyEffectBackMs: Math.max(blockOff, ...off.map((t) => t.both)),
          blockOnMs: blockOn,
          blockBackMs: blockOff,
          tabsOn: on,
          tabsBack: off,
          // Document requests after the end: tabs Hearth reloaded (none expected: all were touched).
          reloadedAtEnd: Math.round((pages.requests - requestsBeforeEnd) / 2),
          frozenAfterEnd,
        });
      }
      const pool = (pick: (r: Round) => number[]) => spread(rounds.flatMap(pick), 0);
      modes[cold ? 'cold' : 'warm'] = {
        everyEffectOnMs: spread(rounds.map((r) => r.everyEffectOnMs), 0),
        everyEffectBackMs: spread(rounds.map((r) => r.everyEffectBackMs), 0),
        perTabOnMs: {
          mute: pool((r) => r.tabsOn.map((t) => t.mute)),
          title: pool((r) => r.tabsOn.map((t) => t.title)),
          tuck: pool((r) => r.tabsOn.map((t) => t.tuck)),
        },
        perTabBackMs: {
          mute: pool((r) => r.tabsBack.map((t) => t.mute)),
          title: pool((r) => r.tabsBack.map((t) => t.title)),
          tuck: pool((r) => r.tabsBack.map((t) => t.tuck)),
        },
        /** From the start until the last of the 50 tabs is in Hearth's group; from the end until the last is out. */
        everyTabTuckedMs: spread(rounds.map((r) => Math.max(...r.tabsOn.map((t) => t.tuck))), 0),
        everyTabBackFromTuckMs: spread(rounds.map((r) => Math.max(...r.tabsBack.map((t) => t.tuck))), 0),
        blockOnMs: spread(rounds.map((r) => r.blockOnMs), 0),
        blockBackMs: spread(rounds.map((r) => r.blockBackMs), 0),
        rounds: rounds.map(({ tabsOn: _on, tabsBack: _back, ...rest }) => rest),
      };
    }
    record('time-to-quiet', { tabs: TABS, roundsEach: ROUNDS, ...modes });
  } finally {
    await b.close();
    await pages.close();
  }
});
