// The one typed message map between the extension's pages and the worker.
// Requests are validated with valibot on arrival: a message is a trust line.
import * as v from 'valibot';
import type { Occurrence } from './core/types';

export const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('status') }),
  v.object({
    type: v.literal('startFocus'),
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12 * 60)),
  }),
  v.object({ type: v.literal('endNow') }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;

/** What a page needs to show where the parent stands. Computed fresh on every ask. */
export interface StatusView {
  now: number;
  active: Occurrence[];
  /** End of the continuous stretch of family time, when on. */
  until: number | null;
  /** The next occurrence to start. */
  next: Occurrence | null;
  /** Plain sentences about stored settings Hearth had to set aside. */
  problems: string[];
}

export interface ResponseMap {
  status: StatusView;
  startFocus: StatusView;
  endNow: StatusView;
}

export type Response<T extends Request['type']> = ResponseMap[T];
