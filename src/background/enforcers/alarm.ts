// One alarm for the next transition. Chromium may drop alarms across restarts,
// so reconcile sets it on every run rather than only on install.
import { browser } from '../ext';

export const TRANSITION_ALARM = 'hearth:transition';

export async function applyAlarm(wakeAt: number | null): Promise<void> {
  const current = await browser.alarms.get(TRANSITION_ALARM);
  if (wakeAt === null) {
    if (current) await browser.alarms.clear(TRANSITION_ALARM);
    return;
  }
  if (current?.scheduledTime !== wakeAt) browser.alarms.create(TRANSITION_ALARM, { when: wakeAt });
}
