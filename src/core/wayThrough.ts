// How long a way through lasts. It opens for the parent's chosen minutes, but it belongs
// to the family time it was opened in: when family time ends first, so does the way
// through. History keeps only when it opened and the minutes chosen, so reflection works
// out what really happened from the family time around it. Pure; the clock is passed in.
import type { HistoryEvent } from './records';

const MINUTE = 60_000;

/** When a way through opened at `now` closes: after `minutes`, or as family time (on until `familyUntil`) ends first. */
export function wayThroughUntil(now: number, minutes: number, familyUntil: number | null): number {
  return Math.min(now + minutes * MINUTE, familyUntil ?? Infinity);
}

/** Whether family time ends before a way through opened now would close by itself. */
export function familyTimeEndsFirst(now: number, minutes: number, familyUntil: number | null): boolean {
  return wayThroughUntil(now, minutes, familyUntil) < now + minutes * MINUTE;
}

/** How long a way through lasted, as far as history tells. */
export interface WayThroughLength {
  /** Whole minutes it was open (0: under a minute); unknown for records without the minutes chosen. */
  minutes?: number;
  /** Still open at `now`: `minutes` is so far. */
  open?: true;
}

const WAY_THROUGH = /^way-through(?::(\d+))?$/;

/**
 * Every way through in `events`, with how long it lasted: until the first of its chosen
 * minutes running out, the end of the family time it was opened in, the next way through
 * to the same site (which takes its place) and `now`. `family` is family time as merged
 * stretches, a running one ending at Infinity.
 */
export function wayThroughLengths(
  events: readonly HistoryEvent[],
  family: readonly { start: number; end: number }[],
  now: number,
): Map<HistoryEvent, WayThroughLength> {
  const ways = events
    .filter((e) => e.type === 'override' && e.detail !== undefined && WAY_THROUGH.test(e.detail))
    .sort((a, b) => a.at - b.at);
  const lengths = new Map<HistoryEvent, WayThroughLength>();
  ways.forEach((way, i) => {
    const chosen = Number(WAY_THROUGH.exec(way.detail!)![1]);
    if (!(Number.isInteger(chosen) && chosen > 0)) {
      lengths.set(way, {});
      return;
    }
    const replaced = ways.slice(i + 1).find((w) => w.occurrenceKey === way.occurrenceKey && w.at > way.at);
    const around = family.find((s) => s.start <= way.at && way.at < s.end);
    const closes = Math.min(way.at + chosen * MINUTE, around?.end ?? Infinity, replaced?.at ?? Infinity);
    const length: WayThroughLength = { minutes: Math.floor((Math.min(closes, now) - way.at) / MINUTE) };
    if (closes > now) length.open = true;
    lengths.set(way, length);
  });
  return lengths;
}
