// Desired state: what the browser should show, from settings and the clock alone.
import { activeAt, familyTimeUntil, nextStart, nextTransition, occurrenceKey } from './schedule';
import type { Occurrence, Schedule } from './types';

export interface Desired {
  active: Occurrence[];
  until: number | null;
  next: Occurrence | null;
  /** When reconcile has to run again (the next transition), or null. */
  wakeAt: number | null;
}

export function desiredState(schedule: Schedule, now: number): Desired {
  return {
    active: activeAt(schedule, now),
    until: familyTimeUntil(schedule, now),
    next: nextStart(schedule, now),
    wakeAt: nextTransition(schedule, now),
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
