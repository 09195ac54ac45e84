// Shared shapes of Hearth's pure core. The settings schema (settings/schema.ts) is
// checked against these with `satisfies`, so the two cannot drift apart.

/** 0 = Sunday … 6 = Saturday, as Date#getDay() counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** 'connection': time for the parent's own people ("Lunch call with a friend"); it quiets work like any window. */
export type WindowKind = 'dinner' | 'bedtime' | 'weekend' | 'school-run' | 'connection' | 'custom';

/** "HH:MM", 24-hour local wall-clock time, 00:00–23:59. */
export type WallTime = string;

/**
 * A recurring boundary window in local wall-clock time.
 * An occurrence starts on each of `days` at `start` and ends `endDayOffset`
 * days later at `end`: 0 = same day (end must be after start), 1 = next day
 * (22:00–06:30), 2 = two days later (a weekend Saturday 00:00 → Monday 00:00).
 */
export interface BoundaryWindow {
  id: string;
  label: string;
  kind: WindowKind;
  days: Weekday[];
  start: WallTime;
  end: WallTime;
  endDayOffset: number;
  /** A paused window is kept but never comes on. */
  paused: boolean;
}

/** A one-off block between two instants (a focus block, a dated block). */
export interface OneOffBlock {
  id: string;
  label: string;
  /** epoch ms */
  start: number;
  /** epoch ms, > start */
  end: number;
}

/** "Not tonight": one occurrence of a window left out, named by its local start date. */
export interface Skip {
  windowId: string;
  /** "YYYY-MM-DD": local date on which the skipped occurrence starts. */
  date: string;
}

export interface Schedule {
  windows: BoundaryWindow[];
  blocks: OneOffBlock[];
  skips: Skip[];
}

/** One concrete stretch of family time. */
export interface Occurrence {
  source: 'window' | 'block';
  /** window id or block id */
  id: string;
  label: string;
  kind: WindowKind | 'focus';
  /** epoch ms, inclusive */
  start: number;
  /** epoch ms, exclusive */
  end: number;
  /** window occurrences: local start date "YYYY-MM-DD" (what a Skip names); blocks: "" */
  date: string;
}
