// Two alarms: one for the next transition (a start, an end, a heads-up, the end of a
// way through), one to arm the next start a few seconds before it, or to ready the end of
// family time on (core/arming.ts).
// Both are set well ahead: packed Chromium puts off an alarm asked for less than 30 s
// ahead, so the start's alarm is never left to be made at the arming. Chromium may drop
// alarms across restarts, so reconcile sets them on every run rather than on install.
import { browser } from '../ext';

export const TRANSITION_ALARM = 'hearth:transition';
export const ARM_ALARM = 'hearth:arm';

export async function applyAlarms(wakeAt: number | null, armAt: number | null): Promise<void> {
  await Promise.all([applyAlarm(TRANSITION_ALARM, wakeAt), applyAlarm(ARM_ALARM, armAt)]);
}

async function applyAlarm(name: string, when: number | null): Promise<void> {
  const current = await browser.alarms.get(name);
  if (when === null) {
    if (current) await browser.alarms.clear(name);
    return;
  }
  if (current?.scheduledTime !== when) browser.alarms.create(name, { when });
}
