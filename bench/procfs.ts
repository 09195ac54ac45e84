// What a whole browser costs the machine, read from Linux's /proc over its process
// tree (the browser, its zygotes, renderers, GPU, network and storage processes):
// CPU time, and memory as PSS (shared pages divided among the processes sharing
// them) and USS (pages no other process shares), not only RSS. Each figure also by
// kind of process, so a difference can be traced to where it is spent.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in clock ticks: its own CPU and that of children it has reaped. */
  ticks: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields count from the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    const n = (field: number) => Number(fields[field - 3]);
    return { pid, ppid: n(4), ticks: n(14) + n(15) + n(16) + n(17) };
  } catch {
    return null; // gone meanwhile
  }
}

/** The process and all its descendants alive now. */
export function processTree(root: number): Stat[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter((s): s is Stat => s !== null);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: Stat[] = [];
  const self = all.find((s) => s.pid === root);
  const todo = self ? [self] : [];
  while (todo.length) {
    const s = todo.pop()!;
    out.push(s);
    todo.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

/**
 * What a process of the tree is for, from its command line. Renderers that exited
 * are reaped by a zygote, so over long spans "zygote" holds their CPU.
 */
export type Kind = 'browser' | 'page' | 'extension' | 'gpu' | 'utility' | 'zygote';
export type ByKind = Record<Kind, number>;
const KINDS: Kind[] = ['browser', 'page', 'extension', 'gpu', 'utility', 'zygote'];
const zero = (): ByKind => ({ browser: 0, page: 0, extension: 0, gpu: 0, utility: 0, zygote: 0 });

function kindOf(pid: number, root: number): Kind {
  if (pid === root) return 'browser';
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    /* gone meanwhile */
  }
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (type === 'renderer') return cmdline.includes('--extension-process') ? 'extension' : 'page';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'zygote') return 'zygote';
  return 'utility';
}

export const sum = (r: ByKind): number => KINDS.reduce((n, k) => n + r[k], 0);

/** b - a, kind by kind, in milliseconds. */
export function cpuSpent(a: ByKind, b: ByKind): ByKind {
  const out = zero();
  for (const k of KINDS) out[k] = (b[k] - a[k]) * 1000;
  return out;
}

/**
 * CPU seconds used so far by the tree, by kind, from /proc/<pid>/stat (clock ticks,
 * 10 ms). Children that exited and were reaped are in their parent's cutime/cstime,
 * so the count only grows while the browser lives: right for long spans.
 */
export function cpuTicks(root: number): ByKind {
  const out = zero();
  for (const s of processTree(root)) out[kindOf(s.pid, root)] += s.ticks / TICKS;
  return out;
}

/**
 * CPU seconds used so far by the threads alive now, by kind (nanosecond schedstat
 * summed over every thread): precise enough for one page load, but a thread that
 * has exited no longer counts, so use it over short spans only.
 */
export function cpuPrecise(root: number): ByKind {
  const out = zero();
  for (const { pid } of processTree(root)) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    let ns = 0;
    for (const tid of tasks) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        /* gone meanwhile */
      }
    }
    out[kindOf(pid, root)] += ns / 1e9;
  }
  return out;
}

/** CPU nanoseconds so far of each thread of the tree alive now, by "pid/tid", with its kind. */
export function threadTimes(root: number): Map<string, { kind: Kind; ns: number }> {
  const out = new Map<string, { kind: Kind; ns: number }>();
  for (const { pid } of processTree(root)) {
    const kind = kindOf(pid, root);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        out.set(`${pid}/${tid}`, { kind, ns: Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) });
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return out;
}

/**
 * CPU seconds, by kind, the tree's threads used between two threadTimes readings:
 * threads alive at the end, from their reading at the start (or from zero, born since).
 * Precise to the nanosecond; a thread that ended between the readings is not counted
 * (on an idle browser, hardly any do).
 */
export function threadsSpent(a: Map<string, { kind: Kind; ns: number }>, b: Map<string, { kind: Kind; ns: number }>): ByKind {
  const out = zero();
  for (const [id, t] of b) out[t.kind] += (t.ns - (a.get(id)?.ns ?? 0)) / 1e9;
  return out;
}

export interface Memory {
  processes: number;
  /** KiB */
  rss: number;
  /** KiB: shared pages divided among the processes that map them. */
  pss: number;
  /** KiB: private pages (clean + dirty). */
  uss: number;
  /** KiB of PSS by kind of process. */
  pssByKind: ByKind;
}

/** Memory of the whole tree now, from /proc/<pid>/smaps_rollup. */
export function memory(root: number): Memory {
  const total: Memory = { processes: 0, rss: 0, pss: 0, uss: 0, pssByKind: zero() };
  for (const { pid } of processTree(root)) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    } catch {
      continue;
    }
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    total.processes++;
    total.rss += kib('Rss');
    total.pss += kib('Pss');
    total.uss += kib('Private_Clean') + kib('Private_Dirty');
    total.pssByKind[kindOf(pid, root)] += kib('Pss');
  }
  return total;
}

/**
 * Waits until the tree has used less than `quietMs` of CPU in the last `windowMs`
 * (at most `maxMs`): work a page load set off (an extension's worker answering)
 * must not spill into the next configuration's measurement. Returns the reading
 * (cpuPrecise) at the quiet moment.
 */
export async function untilQuiet(root: number, { windowMs = 100, quietMs = 5, minMs = 150, maxMs = 2000 } = {}): Promise<ByKind> {
  const start = performance.now();
  await new Promise((r) => setTimeout(r, minMs));
  let last = cpuPrecise(root);
  while (performance.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = cpuPrecise(root);
    if ((sum(now) - sum(last)) * 1000 < quietMs) return now;
    last = now;
  }
  return last;
}
