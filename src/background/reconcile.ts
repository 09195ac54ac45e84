// reconcile(now): settings + clock -> desired state -> apply the difference.
// Idempotent and memory-free: it may run any number of times, after any restart.
import { desiredState, headsUpDue, toApplied, transitions, type Desired } from '../core/desired';
import { occurrenceKey } from '../core/schedule';
import type { Settings } from '../core/settings/schema';
import { formatTime, t } from '../i18n';
import { applyAlarm } from './enforcers/alarm';
import { applyBadge } from './enforcers/badge';
import { HEADS_UP_ID, WELCOME_BACK_ID, noticeOnce } from './enforcers/notices';
import { applySiteEffects } from './enforcers/sites';
import { openHistory } from './history';
import { handBack } from './thoughts';
import { loadApplied, loadPasses, loadSettings, saveApplied, updatePasses, type LoadedSettings } from './store';

export interface Reconciled extends LoadedSettings {
  desired: Desired;
}

export async function reconcile(now: number): Promise<Reconciled> {
  const [loaded, passes] = await Promise.all([loadSettings(), loadPasses(now)]);
  const desired = desiredState(loaded.settings, passes, now);
  // A way through belongs to the family time it was opened in.
  if (desired.active.length === 0 && passes.length) await updatePasses(() => [], now);
  // The next wake-up first: if the worker is stopped halfway, the alarm still comes.
  await applyAlarm(desired.wakeAt);
  // One effect that fails (a tab closing mid-way) must not hold back the others.
  const results = await Promise.allSettled([
    applySiteEffects(desired.sites, desired.until, loaded.settings.preferences.dimWayThroughMinutes),
    applyBadge(desired),
    // One after the other: both notices write the same record of what was shown. A history
    // that can't be written (IndexedDB unavailable) still lets the heads-up come.
    recordTransitions(desired, loaded.settings, now).then(
      () => headsUp(desired, loaded.settings, now),
      async (error: unknown) => {
        await headsUp(desired, loaded.settings, now);
        throw error;
      },
    ),
  ]);
  for (const r of results) if (r.status === 'rejected') console.error('Hearth: an effect was not applied', r.reason);
  return { ...loaded, desired };
}

async function recordTransitions(desired: Desired, settings: Settings, now: number): Promise<void> {
  const applied = desired.active.map(toApplied);
  const changes = transitions(await loadApplied(), applied, now);
  if (changes.length === 0) return;
  const history = await openHistory();
  try {
    await history.recordMany(changes);
  } finally {
    history.close();
  }
  await saveApplied(applied);
  const ended = changes.filter((c) => c.type === 'boundary-end');
  if (ended.length && desired.active.length === 0) await welcomeBack(ended.map((c) => c.occurrenceKey).join(','), settings, now);
}

/** Family time is over: parked thoughts are handed back, with a short welcome. */
async function welcomeBack(occurrence: string, settings: Settings, now: number): Promise<void> {
  const count = await handBack(now);
  if (!settings.preferences.handoff) return;
  const message = count === 0 ? t('welcomeBackNone') : t(count === 1 ? 'welcomeBackOne' : 'welcomeBackMany', [String(count)]);
  await noticeOnce(WELCOME_BACK_ID, occurrence, t('welcomeBackTitle'), message);
}

async function headsUp(desired: Desired, settings: Settings, now: number): Promise<void> {
  const next = desired.next;
  if (!next || !settings.preferences.headsUp || !headsUpDue(desired, now)) return;
  const minutes = Math.max(1, Math.round((next.start - now) / 60_000));
  const title = minutes === 1 ? t('headsUpTitleOne', [next.label]) : t('headsUpTitle', [next.label, String(minutes)]);
  await noticeOnce(HEADS_UP_ID, occurrenceKey(next), title, t('headsUpMessage', [formatTime(next.start)]));
}

// Events can arrive together (alarm + storage change + message); run one at a time
// so two applies never interleave. This chain is a queue, not remembered state.
let queue: Promise<unknown> = Promise.resolve();

export function reconcileSoon(clock: () => number = Date.now): Promise<Reconciled> {
  const run = queue.then(() => reconcile(clock()));
  queue = run.catch((error: unknown) => console.error('Hearth: reconcile failed', error));
  return run;
}
