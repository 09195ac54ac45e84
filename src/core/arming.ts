// Arming: what family time does to work sites that can be prepared without being felt
// (scripts in work pages, Chromium's notification block) is put in place a few seconds
// before a start, so it holds at the start instant itself; each page then switches to
// quiet at the start by its own clock, and the start's own wake-up only mutes and says so
// on the toolbar. The end is readied the same few seconds ahead: tabs tucked away in a
// folded group (which Chromium freezes) are woken then, still quiet, so that at the end
// they only have to be put back, not first woken fifty at once. Pure: the clock is passed in.
import type { Occurrence } from './types';

/** How long before a start its effects are armed: time enough to reach every open work tab. */
export const ARM_LEAD_MS = 5_000;

/** The family time work sites are planned for: on now (`from` null), or armed to start at `from`. */
export interface Span {
  from: number | null;
  /** When it ends, when known. */
  until: number | null;
}

export interface Armed extends Span {
  from: number;
}

/** The start armed for at `now` (off now, the next start within the lead), or null. */
export function armedStart(next: Occurrence | null, on: boolean, now: number): number | null {
  return !on && next !== null && next.start - now <= ARM_LEAD_MS ? next.start : null;
}

/** Family time is on and ends within the lead: its end is readied. */
export function endingSoon(until: number | null, on: boolean, now: number): boolean {
  return on && until !== null && until - now <= ARM_LEAD_MS;
}

/**
 * When the next start is to be armed (family time off) or its end readied (on), while
 * that is still ahead; null when it is done already or nothing is ahead.
 */
export function nextArming(next: Occurrence | null, on: boolean, until: number | null, now: number): number | null {
  const boundary = on ? until : (next?.start ?? null);
  if (boundary === null) return null;
  const at = boundary - ARM_LEAD_MS;
  return at > now ? at : null;
}
