// The document "Export history" saves: the whole history and the parked thoughts as the
// worker reads them (oldest first), versioned. Pure; built in the reflection page, so the
// worker, which loads at every wake, does not carry it.
import type { ReflectionSource } from './reflection';

export const HISTORY_EXPORT_FORMAT = 'hearth-history';
export const HISTORY_EXPORT_VERSION = 1;

/** The document, as JSON text ending in a newline. `now`: when it is saved. */
export function historyDocument({ events, thoughts }: Pick<ReflectionSource, 'events' | 'thoughts'>, now: number): string {
  const doc = {
    format: HISTORY_EXPORT_FORMAT,
    version: HISTORY_EXPORT_VERSION,
    /** ISO 8601, UTC */
    exportedAt: new Date(now).toISOString(),
    events,
    thoughts,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
