// What the schedule and week-view tests share: New York time for the whole file,
// and small builders for windows and schedules. Test code only: nothing in the
// extension imports it.
import { afterAll } from 'vitest';
import type { BoundaryWindow, OneOffBlock, Schedule, Skip } from '../../src/core/types';

/**
 * Runs the calling test file in America/New_York. Call it at import time, not in
 * beforeAll: describe bodies (and the fixtures built in them) run during collection,
 * before any hook. Node re-reads process.env.TZ on assignment (main thread only); each
 * file keeps a guard test that checks it took effect.
 */
export function inNewYork(): void {
  const savedTz = process.env.TZ;
  process.env.TZ = 'America/New_York';
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });
}

export const HOUR = 3_600_000;

/** Local wall time on an ordinary (non-DST-change) day. */
export const at = (date: string, time: string): number => new Date(`${date}T${time}:00`).getTime();

/** A window named after its id, every day 18:00–19:30, with `over` on top. */
export const win = (over: Partial<BoundaryWindow> & Pick<BoundaryWindow, 'id'>): BoundaryWindow => ({
  label: over.id,
  kind: 'custom',
  days: [0, 1, 2, 3, 4, 5, 6],
  start: '18:00',
  end: '19:30',
  endDayOffset: 0,
  paused: false,
  ...over,
});

export const sched = (windows: BoundaryWindow[], blocks: OneOffBlock[] = [], skips: Skip[] = []): Schedule => ({
  windows,
  blocks,
  skips,
});
