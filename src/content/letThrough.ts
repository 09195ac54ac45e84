// Let-through, in the work page: each notification the stand-ins held is matched here,
// in Hearth's isolated world, against the parent's let-through words for this site
// (from the worker's plan; the page never sees them). A match goes to the worker, which
// checks again and shows it. At most ten a ten seconds: a page that floods is summed up
// by the worker, never passed on call by call.
import { compileRules, matchingRule } from '../core/letThrough';

const MOST = 10;
const SPAN_MS = 10_000;

/** Returns what to call with each held notification's words; `words` reads the plan's rules now. */
export function letThroughHeld(signal: AbortSignal, runtime: typeof chrome.runtime, words: () => readonly string[] | undefined) {
  let compiledFor: readonly string[] | undefined;
  let compiled: ReturnType<typeof compileRules> = [];
  const sent: number[] = [];
  return (title: string, body: string): void => {
    const now = words();
    if (signal.aborted || !now?.length) return;
    if (now !== compiledFor) {
      compiledFor = now;
      compiled = compileRules(now.map((text, i) => ({ id: String(i), text })), '');
    }
    if (!matchingRule(compiled, title, body)) return;
    const at = Date.now();
    while (sent.length && at - sent[0]! > SPAN_MS) sent.shift();
    if (sent.length >= MOST) return;
    sent.push(at);
    try {
      runtime.sendMessage({ type: 'letThrough', title, body }).catch(() => undefined);
    } catch {
      /* the extension context is already gone */
    }
  };
}
