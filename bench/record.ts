// Benchmarks print their figures and keep them in bench/results, one JSON
// file per benchmark, so a change can be compared with the last committed run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { EXECUTABLE } from '../tests/e2e/harness';

/** `BENCH_QUICK=1`: a smoke run, few rounds; its figures are not worth comparing. */
export const QUICK = process.env.BENCH_QUICK === '1';

let browserVersion: string | undefined;
function browser(): string {
  try {
    browserVersion ??= execFileSync(EXECUTABLE, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    browserVersion = 'unknown';
  }
  return browserVersion;
}

export function machine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    browser: browser(),
    // How busy the machine was: timing figures from a loaded machine are noisy.
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  };
}

export function record(name: string, figures: Record<string, unknown>): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const result = { benchmark: name, at: new Date().toISOString(), quick: QUICK, machine: machine(), figures };
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${name}\n${JSON.stringify(figures, null, 2)}`);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0]!, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1]! };
}

/** Median and inter-quartile range: the spread the tables print. */
export function spread(samples: number[], digits = 3) {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, median: Number.NaN, p25: Number.NaN, p75: Number.NaN };
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5), digits),
    p25: round(quantile(sorted, 0.25), digits),
    p75: round(quantile(sorted, 0.75), digits),
  };
}
