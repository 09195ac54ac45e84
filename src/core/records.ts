// What Hearth keeps in the device's own database (the worker's db.ts), as shapes the
// whole extension shares: the history reflection is worked out from, and parked
// thoughts. Here in core so reflection, the messages and the pages can name them
// without reaching into the worker.

export type HistoryEventType = 'boundary-start' | 'boundary-end' | 'override' | 'held' | 'let-through';

export interface HistoryEvent {
  /**
   * `${type}|${occurrenceKey}` for boundaries, heldKey() for held rows, else
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
