// What Hearth keeps in the device's own database (the worker's db.ts), as shapes the
// whole extension shares: the history reflection is worked out from, and parked
// thoughts. Here in core so reflection, the messages and the pages can name them
// without reaching into the worker.

export type HistoryEventType =
  | 'boundary-start'
  | 'boundary-end'
  | 'override'
  | 'held'
  | 'let-through'
  // The weekly choice (core/weeklyChoice.ts): a week answered (`detail`: its week key, no
  // moments when the parent said "Not this week"), a moment chosen in it, a chosen moment
  // that ran to its end, and one ended early. `label` names the moment, `detail` its week.
  | 'week-answered'
  | 'moment-chosen'
  | 'moment-kept'
  | 'moment-ended-early';

export interface HistoryEvent {
  /**
   * `${type}|${occurrenceKey}` for boundaries and the weekly choice's facts but an early
   * ending, heldKey() for held rows, else
   * `${type}|${occurrenceKey}|${at}|${uuid}` (older records lack the uuid).
   */
  key: string;
  /** epoch ms */
  at: number;
  type: HistoryEventType;
  occurrenceKey: string;
  label: string;
  /** e.g. "ended-early", "skipped-tonight"; older held rows: their count */
  detail?: string;
  /** Held rows: notifications held back in one tab during one boundary. */
  count?: number;
}

export interface ParkedThought {
  id: string;
  text: string;
  /** epoch ms */
  parkedAt: number;
  /** Shown again once family time is over (set when it ends). */
  handedBackAt: number | null;
  doneAt: number | null;
}
