// How the trust-line property tests run fast-check: many cases, one fixed seed (or
// HEARTH_FC_SEED to try another), and one printed line per property saying what ran,
// so the figures can be copied into docs. A failure is fast-check's own report, which
// names the seed and the path to replay the smallest failing case.
import fc from 'fast-check';

/** Cases per trust-line property. */
export const TRUST_RUNS = 10_000;

/** The seed every property uses, printed with its results. */
export const FC_SEED: number = seedFromEnv(process.env.HEARTH_FC_SEED);

function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 20_251_202;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`HEARTH_FC_SEED must be a whole number, not "${raw}"`);
  return seed;
}

const said = (name: string, runs: number) =>
  console.log(`fast-check: ${name}: ${runs} cases, seed ${FC_SEED}, 0 failures`);

/** Runs a synchronous property `runs` times with the fixed seed, then prints its line. */
export function checkProperty<Ts>(name: string, property: fc.IProperty<Ts>, runs = TRUST_RUNS): void {
  fc.assert(property, { numRuns: runs, seed: FC_SEED });
  said(name, runs);
}

/** The same for an asynchronous property. */
export async function checkAsyncProperty<Ts>(name: string, property: fc.IAsyncProperty<Ts>, runs = TRUST_RUNS): Promise<void> {
  await fc.assert(property, { numRuns: runs, seed: FC_SEED });
  said(name, runs);
}

/** Per-test time limit for a 10,000-case property on a slow, shared machine. */
export const PROPERTY_TIMEOUT = 120_000;
