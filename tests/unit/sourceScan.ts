// Reading the project's own source for the message keys it asks for.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every non-test .ts/.tsx file under `dir`. */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** How many items the `[…]` starting at `from` holds, counting only its top-level commas. */
export function arrayLength(text: string, from: number): number {
  let depth = 0;
  let items = 0;
  let content = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    if (depth === 0) return content ? items + 1 : 0;
    if (depth === 1 && c === ',') items++;
    else if (i > from && !/\s/.test(c)) content = true;
  }
  return 0;
}
