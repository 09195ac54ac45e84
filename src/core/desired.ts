// Desired state: what the browser should show, from settings, passes and the clock alone.
import { nextPassEnd, sitePlans, type Pass, type SitePlan } from './quiet';
import { activeAt, familyTimeUntil, nextStart, nextTransition, occurrenceKey } from './schedule';
import type { Settings } from './settings';
import type { Occurrence } from './types';

export interface Desired {
  active: Occurrence[];
  until: number | null;
  next: Occurrence | null;
  /** Every listed work site with its effective mode while family time is on; empty otherwise. */
  sites: SitePlan[];
  /** When reconcile has to run again (the next transition or the end of a way through), or null. */
  wakeAt: number | null;
}

export function desiredState(settings: Pick<Settings, 'schedule' | 'sites'>, passes: readonly Pass[], now: number): Desired {
  const active = activeAt(settings.schedule, now);
  const wakes = [nextTransition(settings.schedule, now), nextPassEnd(passes, now)].filter((t): t is number => t !== null);
  return {
    active,
    until: familyTimeUntil(settings.schedule, now),
    next: nextStart(settings.schedule, now),
    sites: sitePlans(settings.sites, passes, active.length > 0, now),
    wakeAt: wakes.length ? Math.min(...wakes) : null,
  };
}

/** What reconcile remembers in storage of the last state it applied. */
export interface AppliedOccurrence {
  key: string;
  label: string;
  start: number;
  end: number;
}

export function toApplied(o: Occurrence): AppliedOccurrence {
  return { key: occurrenceKey(o), label: o.label, start: o.start, end: o.end };
}

export interface Transition {
  type: 'boundary-start' | 'boundary-end';
  occurrenceKey: string;
  label: string;
  at: number;
}

/**
 * The boundaries that came on or went off between two applied states.
 * A start is dated at the occurrence's start; an end at its scheduled end, or
 * at `now` when it went off sooner (ended early, skipped, or deleted).
 */
export function transitions(prev: AppliedOccurrence[], next: AppliedOccurrence[], now: number): Transition[] {
  const before = new Set(prev.map((o) => o.key));
  const after = new Set(next.map((o) => o.key));
  const started = next
    .filter((o) => !before.has(o.key))
    .map((o): Transition => ({ type: 'boundary-start', occurrenceKey: o.key, label: o.label, at: o.start }));
  const ended = prev
    .filter((o) => !after.has(o.key))
    .map((o): Transition => ({ type: 'boundary-end', occurrenceKey: o.key, label: o.label, at: Math.min(o.end, now) }));
  return [...ended, ...started];
}
