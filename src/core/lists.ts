// Comparing short lists of strings (match patterns the browser holds, and the ones wanted).

/** The same strings in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
