// Property tests of the schedule engine against a brute-force oracle.
//
// The oracle shares no arithmetic with schedule.ts or wallclock.ts: it walks
// real instants minute by minute, reads each minute's local date and wall time
// with plain Date getters, and takes an occurrence's start as "the first
// scanned minute whose local (date, time) is ≥ (D, start)" (end likewise).
// Every zone used here has offsets in whole minutes, so all transitions fall on
// the minute grid and a minute scan sees every one of them.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeAt, familyTimeUntil, nextStart, nextTransition, occurrencesBetween } from './schedule';
import type { BoundaryWindow, OneOffBlock, Occurrence, Schedule, Weekday } from './types';

const MIN = 60_000;
const DAY_MIN = 1440;
const LOOKBACK_MIN = 4 * DAY_MIN; // > the longest occurrence (2 days 23:59 + DST)
const CHECK_MIN = 2 * DAY_MIN; // minutes at which the engine is compared
const LOOKAHEAD_MIN = DAY_MIN; // lets nextTransition/familyTimeUntil be determined
const SCAN_MIN = LOOKBACK_MIN + CHECK_MIN + LOOKAHEAD_MIN;
// Runs per property and zone; the every-minute activeAt check costs most.
const RUNS = 50;
const RUNS_EVERY_MINUTE = 25;
/** Headroom over vitest's 5 s default for slow or busy machines (each test takes ~0.3–2 s). */
const TIMEOUT = 30_000;

const ZONES = [
  { zone: 'America/New_York', jan: 300, jul: 240, changes: 2 },
  { zone: 'Europe/London', jan: 0, jul: -60, changes: 2 },
  { zone: 'Australia/Lord_Howe', jan: -660, jul: -630, changes: 2 },
  { zone: 'Asia/Kolkata', jan: -330, jul: -330, changes: 0 },
  { zone: 'Pacific/Chatham', jan: -825, jul: -765, changes: 2 },
];

// ---------------------------------------------------------------- oracle

/** Instants in 2026 at which the local UTC offset changes, to the minute. */
function offsetChanges2026(): number[] {
  const off = (t: number) => new Date(t).getTimezoneOffset();
  const found: number[] = [];
  const end = Date.UTC(2027, 0, 1);
  for (let t = Date.UTC(2026, 0, 1); t < end; t += 3_600_000) {
    if (off(t) === off(t + 3_600_000)) continue;
    let lo = t; // offset as at t
    let hi = t + 3_600_000; // offset changed
    while (hi - lo > MIN) {
      const mid = lo + Math.floor((hi - lo) / MIN / 2) * MIN;
      if (off(mid) === off(t)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

interface OracleOcc {
  key: string;
  label: string;
  /** scan indices; end === scan length means "at or after the end of the scan" */
  s: number;
  e: number;
}

interface Oracle {
  t0: number;
  n: number;
  occs: OracleOcc[];
  /** active occurrence keys, sorted and joined, per scanned minute */
  sig: string[];
}

interface Scenario {
  windows: BoundaryWindow[];
  /** (window index, day offset from the first checked minute's local date) */
  skips: { w: number; day: number }[];
  /** minutes relative to the first checked minute */
  blocks: { at: number; len: number; label: string }[];
}

const ymdOf = (d: Date) => d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
const keyOfYmd = (ymd: number) =>
  `${Math.floor(ymd / 10_000)}-${String(Math.floor(ymd / 100) % 100).padStart(2, '0')}-${String(ymd % 100).padStart(2, '0')}`;
/** Calendar day arithmetic via local noon (well clear of any DST change). */
function ymdPlus(ymd: number, days: number): number {
  return ymdOf(new Date(Math.floor(ymd / 10_000), (Math.floor(ymd / 100) % 100) - 1, (ymd % 100) + days, 12));
}
const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

function buildOracle(t0: number, sc: Scenario, schedule: Schedule): Oracle {
  const n = SCAN_MIN;
  // stamp = local yyyymmdd·1440 + minutes; runMax makes "first minute ≥ x" a binary search.
  const runMax = new Float64Array(n);
  const dates: { ymd: number; weekday: number }[] = [];
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = new Date(t0 + i * MIN);
    const ymd = ymdOf(d);
    if (dates.at(-1)?.ymd !== ymd) dates.push({ ymd, weekday: d.getDay() });
    max = Math.max(max, ymd * DAY_MIN + d.getHours() * 60 + d.getMinutes());
    runMax[i] = max;
  }
  const firstAtLeast = (stamp: number): number => {
    let lo = 0;
    let hi = n; // n = not within the scan
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runMax[mid]! >= stamp) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  const occs: OracleOcc[] = [];
  const skipped = new Set(schedule.skips.map((k) => `${k.windowId}|${k.date}`));
  for (const { ymd, weekday } of dates) {
    for (const w of sc.windows) {
      if (w.paused || !w.days.includes(weekday as Weekday) || skipped.has(`${w.id}|${keyOfYmd(ymd)}`)) continue;
      const s = firstAtLeast(ymd * DAY_MIN + hm(w.start));
      const e = firstAtLeast(ymdPlus(ymd, w.endDayOffset) * DAY_MIN + hm(w.end));
      if (s === n || e <= s) continue; // starts after the scan, or never (DST gap)
      occs.push({ key: `window:${w.id}:${keyOfYmd(ymd)}`, label: w.label, s, e });
    }
  }
  for (const b of schedule.blocks) {
    const s = (b.start - t0) / MIN;
    const e = Math.min(n, (b.end - t0) / MIN);
    if (s < n && e > 0) occs.push({ key: `block:${b.id}:`, label: b.label, s: Math.max(0, s), e });
  }

  const active: string[][] = Array.from({ length: n }, () => []);
  for (const o of occs) for (let i = o.s; i < o.e; i++) active[i]!.push(o.key);
  return { t0, n, occs, sig: active.map((keys) => keys.sort().join(' ')) };
}

// ---------------------------------------------------------------- arbitraries

const ALL_DAYS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Local wall minutes around the zone's DST changes (from 30 min before the
 * earliest affected wall time to 30 min after the latest), where gaps and
 * repeated times lie. Empty for zones without DST.
 */
function hotMinutes(changes: number[]): number[] {
  const wall = (t: number) => new Date(t).getHours() * 60 + new Date(t).getMinutes();
  const edges = changes.flatMap((c) => [wall(c - MIN) + 1, wall(c)]);
  if (edges.length === 0) return [];
  const hot: number[] = [];
  for (let m = Math.max(0, Math.min(...edges) - 30); m <= Math.min(DAY_MIN - 1, Math.max(...edges) + 30); m += 5) hot.push(m);
  return hot;
}

function scenarioArb(hot: number[]): fc.Arbitrary<Scenario> {
  const anyMinute = fc.integer({ min: 0, max: DAY_MIN - 1 });
  const wallMinute = hot.length > 0 ? fc.oneof({ arbitrary: anyMinute, weight: 1 }, { arbitrary: fc.constantFrom(...hot), weight: 3 }) : anyMinute;
  const windowArb = (i: number) =>
    fc
      .record({
        days: fc.oneof(fc.constant(ALL_DAYS), fc.subarray(ALL_DAYS)),
        start: wallMinute,
        end: wallMinute,
        endDayOffset: fc.integer({ min: 0, max: 2 }),
        paused: fc.integer({ min: 0, max: 5 }).map((k) => k === 0),
        label: fc.constantFrom('A', 'B', 'C'),
      })
      .map(
        (r): BoundaryWindow => ({
          id: `w${i}`,
          label: r.label,
          kind: 'custom',
          days: r.days,
          start: hhmm(r.start),
          end: hhmm(r.end),
          // Same-day windows must end after they start.
          endDayOffset: r.endDayOffset === 0 && r.end <= r.start ? 1 : r.endDayOffset,
          paused: r.paused,
        }),
      );
  return fc.record({
    windows: fc.integer({ min: 1, max: 4 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => windowArb(i)))),
    skips: fc.array(fc.record({ w: fc.nat(3), day: fc.integer({ min: -4, max: 3 }) }), { maxLength: 3 }),
    blocks: fc.array(
      fc.record({
        at: fc.integer({ min: -LOOKBACK_MIN, max: CHECK_MIN + LOOKAHEAD_MIN }),
        len: fc.integer({ min: 1, max: 2 * DAY_MIN }),
        label: fc.constantFrom('A', 'B', 'Focus'),
      }),
      { maxLength: 2 },
    ),
  });
}

/** First checked minute: near one of the zone's DST changes 3 times in 4, else anywhere in 2026. */
const anchorArb = fc.record({
  nearChange: fc.oneof(fc.constant(true), fc.boolean()),
  change: fc.nat(),
  // Mostly puts the change inside the checked span, sometimes up to a day before or after it.
  shift: fc.oneof(
    fc.integer({ min: -CHECK_MIN + 60, max: -60 }),
    fc.integer({ min: -(CHECK_MIN + DAY_MIN), max: DAY_MIN }),
  ),
  anyMinute: fc.integer({ min: 0, max: 364 * DAY_MIN }),
});

type Anchor = typeof anchorArb extends fc.Arbitrary<infer T> ? T : never;

function materialise(sc: Scenario, anchor: Anchor, changes: number[]) {
  const near = anchor.nearChange && changes.length > 0;
  const a = near ? changes[anchor.change % changes.length]! + anchor.shift * MIN : Date.UTC(2026, 0, 1) + anchor.anyMinute * MIN;
  const t0 = a - LOOKBACK_MIN * MIN;
  const firstYmd = ymdOf(new Date(a));
  const schedule: Schedule = {
    windows: sc.windows,
    skips: sc.skips
      .filter((k) => k.w < sc.windows.length)
      .map((k) => ({ windowId: `w${k.w}`, date: keyOfYmd(ymdPlus(firstYmd, k.day)) })),
    blocks: sc.blocks.map((b, i): OneOffBlock => ({ id: `b${i}`, label: b.label, start: a + b.at * MIN, end: a + (b.at + b.len) * MIN })),
  };
  return { schedule, oracle: buildOracle(t0, sc, schedule) };
}

// ---------------------------------------------------------------- helpers

const FIRST = LOOKBACK_MIN;
const LAST = LOOKBACK_MIN + CHECK_MIN; // exclusive
const sigOf = (occ: Occurrence[]) => occ.map((o) => `${o.source}:${o.id}:${o.date}`).sort().join(' ');

/** The list's promised order: by `time` (start or end), then by label. */
function expectInOrder(list: readonly Occurrence[], time: 'start' | 'end'): void {
  for (let i = 1; i < list.length; i++) {
    const [p, q] = [list[i - 1]!, list[i]!];
    expect(p[time] < q[time] || (p[time] === q[time] && p.label <= q.label)).toBe(true);
  }
}

/** Index of the next minute after i at which the active set changes, or n. */
function nextChanges(o: Oracle): Int32Array {
  const next = new Int32Array(o.n).fill(o.n);
  for (let i = o.n - 2; i >= 0; i--) next[i] = o.sig[i + 1] !== o.sig[i] ? i + 1 : next[i + 1]!;
  return next;
}

/** Checked minutes worth probing with the costlier queries: around every change, plus a few others. */
function probeMinutes(o: Oracle, extra: number[]): number[] {
  const picks = new Set(extra.map((k) => FIRST + (k % CHECK_MIN)));
  for (let i = FIRST; i < LAST; i++) {
    if (o.sig[i] !== o.sig[i - 1]) for (const j of [i - 1, i, i + 1]) if (j >= FIRST && j < LAST) picks.add(j);
  }
  return [...picks].sort((x, y) => x - y);
}

const probeArb = fc.record({
  extra: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  ms: fc.integer({ min: 0, max: MIN - 1 }),
});

// ---------------------------------------------------------------- properties

describe.each(ZONES)('in $zone', ({ zone, jan, jul, changes: expectedChanges }) => {
  const savedTz = process.env.TZ;
  let changes: number[] = [];
  let scenarios: fc.Arbitrary<Scenario> = fc.constant({ windows: [], skips: [], blocks: [] });
  beforeAll(() => {
    process.env.TZ = zone;
    changes = offsetChanges2026();
    scenarios = scenarioArb(hotMinutes(changes));
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('guard: the zone is in effect, with its 2026 DST changes', () => {
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(jan);
    expect(new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset()).toBe(jul);
    expect(changes).toHaveLength(expectedChanges);
  });

  it('occurrencesBetween matches the oracle’s occurrences, instant for instant', () => {
    fc.assert(
      fc.property(scenarios, anchorArb, (sc, anchor) => {
        const { schedule, oracle: o } = materialise(sc, anchor, changes);
        const from = o.t0 + FIRST * MIN;
        const to = o.t0 + LAST * MIN;
        const got = occurrencesBetween(schedule, from, to);
        const want = o.occs.filter((x) => x.s < LAST && x.e > FIRST).sort((x, y) => x.s - y.s || x.key.localeCompare(y.key));
        expect(got.map((g) => `${g.source}:${g.id}:${g.date}`).sort()).toEqual(want.map((w) => w.key).sort());
        for (const w of want) {
          const g = got.find((x) => `${x.source}:${x.id}:${x.date}` === w.key)!;
          expect(g.start, w.key).toBe(o.t0 + w.s * MIN);
          if (w.e < o.n) expect(g.end, w.key).toBe(o.t0 + w.e * MIN);
          else expect(g.end, w.key).toBeGreaterThanOrEqual(o.t0 + o.n * MIN);
        }
        expectInOrder(got, 'start');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('activeAt agrees with the oracle at every checked minute', () => {
    fc.assert(
      fc.property(scenarios, anchorArb, fc.integer({ min: 0, max: MIN - 1 }), (sc, anchor, ms) => {
        const { schedule, oracle: o } = materialise(sc, anchor, changes);
        for (let i = FIRST; i < LAST; i++) {
          const got = activeAt(schedule, o.t0 + i * MIN + (i % 2 ? ms : 0));
          if (sigOf(got) !== o.sig[i]) expect(sigOf(got), new Date(o.t0 + i * MIN).toString()).toBe(o.sig[i]);
          expectInOrder(got, 'end');
        }
      }),
      { numRuns: RUNS_EVERY_MINUTE },
    );
  }, TIMEOUT);

  it('nextTransition, familyTimeUntil and nextStart agree with the oracle', () => {
    fc.assert(
      fc.property(scenarios, anchorArb, probeArb, (sc, anchor, probe) => {
        const { schedule, oracle: o } = materialise(sc, anchor, changes);
        const scanEnd = o.t0 + o.n * MIN;
        const next = nextChanges(o);
        // First minute ≥ i with nothing active (n if none within the scan).
        const calm = new Int32Array(o.n + 1).fill(o.n);
        for (let i = o.n - 1; i >= 0; i--) calm[i] = o.sig[i] === '' ? i : calm[i + 1]!;

        for (const i of probeMinutes(o, probe.extra)) {
          for (const now of [o.t0 + i * MIN, o.t0 + i * MIN + probe.ms]) {
            const at = new Date(now).toString();
            const nt = nextTransition(schedule, now);
            if (next[i]! < o.n) expect(nt, `nextTransition at ${at}`).toBe(o.t0 + next[i]! * MIN);
            else if (nt !== null) expect(nt, `nextTransition at ${at}`).toBeGreaterThanOrEqual(scanEnd);

            const ft = familyTimeUntil(schedule, now);
            if (o.sig[i] === '') expect(ft, `familyTimeUntil at ${at}`).toBeNull();
            else if (calm[i]! < o.n) expect(ft, `familyTimeUntil at ${at}`).toBe(o.t0 + calm[i]! * MIN);
            else expect(ft, `familyTimeUntil at ${at}`).toBeGreaterThanOrEqual(scanEnd);

            const ns = nextStart(schedule, now);
            const starts = o.occs.filter((x) => x.s > i);
            const first = Math.min(...starts.map((x) => x.s));
            if (starts.length > 0) {
              const label = starts.filter((x) => x.s === first).map((x) => x.label).sort()[0];
              expect(ns && { start: ns.start, label: ns.label }, `nextStart at ${at}`).toEqual({ start: o.t0 + first * MIN, label });
            } else if (ns !== null) expect(ns.start, `nextStart at ${at}`).toBeGreaterThanOrEqual(scanEnd);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
