// reconcile(now): settings + clock -> desired state -> apply the difference.
// Idempotent and memory-free: it may run any number of times, after any restart.
import { desiredState, headsUpDue, spanOf, toApplied, transitions, type Desired } from '../core/desired';
import { occurrenceKey } from '../core/schedule';
import { serial } from '../core/serial';
import type { Settings } from '../core/settings/schema';
import { formatTime, t } from '../i18n';
import { applyAlarms } from './enforcers/alarm';
import { applyBadge } from './enforcers/badge';
import { HEADS_UP_ID, WELCOME_BACK_ID, noticeOnce } from './enforcers/notices';
import { applySiteEffects } from './enforcers/sites';
import { openHistory } from './history';
import { handBack } from './thoughts';
import { chosenHeadsUp, keptFacts } from './weekly';
import { browser } from './ext';
import { withPolicy } from '../core/policy';
import { desiredNow, loadApplied, loadSettingsToApply, policyAndPasses, readStored, saveApplied, updatePasses, type LoadedSettings, type Stored } from './store';

export interface Reconciled extends LoadedSettings {
  desired: Desired;
}

// storage.session: what the last apply that finished brought the browser to. Removed as
// an apply begins, so an apply the browser cut short (it stops workers at will) leaves
// none, and the next wake-up applies again.
const SETTLED_KEY = 'settled';

/** What the effects depend on, as one string: equal strings, the same effects. */
function settledAs(desired: Desired, settings: Settings): string {
  const sites = desired.sites.map((p) => [p.site.id, p.site.pattern, p.mode, p.tuck === true]);
  const active = desired.active.map(occurrenceKey);
  const { until, wakeAt, armed, ending, armAt } = desired;
  return JSON.stringify([sites, active, until, wakeAt, armed, ending, armAt, settings.preferences.dimWayThroughMinutes]);
}

// When the last reconcile of this worker's life read the clock. Only ever spares work: a
// worker that starts again has none, and reconciles.
let lastReconcileAt = -Infinity;

/** `read`: storage as a wake-up's repair just read it (one call to storage fewer before the effects). */
export async function reconcile(now: number, read?: Stored): Promise<Reconciled> {
  lastReconcileAt = now;
  const stored = read ?? (await readStored());
  const own = await loadSettingsToApply(stored);
  const { policy, passes } = policyAndPasses(stored, now);
  // In force: the parent's own settings with their organisation's beside them.
  const loaded = { ...own, settings: withPolicy(own.settings, policy) };
  const desired = desiredState(loaded.settings, passes, now);
  // Unsettled, asked of the browser first and waited for with the effects (the mark that
  // they all landed is set only after it); a way through belongs to the family time it was
  // opened in. Neither is anything an effect waits on.
  const unsettled = browser.storage.session.remove(SETTLED_KEY);
  const passesDone = desired.active.length === 0 && passes.length ? updatePasses(() => [], now) : undefined;
  // The next wake-ups set before any effect: a worker stopped halfway still wakes, and repairs.
  const alarmsSet = applyAlarms(desired.wakeAt, desired.armAt);
  await alarmsSet.catch(() => undefined);
  // One effect that fails (a tab closing mid-way) must not hold back the others.
  const results = await Promise.allSettled([
    unsettled,
    passesDone,
    alarmsSet,
    applySiteEffects(desired.sites, spanOf(desired), {
      wayThroughMinutes: loaded.settings.preferences.dimWayThroughMinutes,
      letThrough: loaded.settings.letThrough,
      ending: desired.ending,
    }),
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
  const failed = results.filter((r) => r.status === 'rejected');
  for (const r of failed) console.error('Hearth: an effect was not applied', r.reason);
  if (failed.length === 0) await browser.storage.session.set({ [SETTLED_KEY]: settledAs(desired, loaded.settings) });
  return { ...loaded, desired };
}

async function recordTransitions(desired: Desired, settings: Settings, now: number): Promise<void> {
  const applied = desired.active.map(toApplied);
  const before = await loadApplied();
  const changes = transitions(before, applied, now);
  if (changes.length === 0) return;
  const history = await openHistory();
  try {
    await history.recordMany([...changes, ...keptFacts(before, applied, settings, now)]);
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
  // A moment the parent chose this week: earlier, and warmer.
  const chosen = chosenHeadsUp(next, settings);
  await noticeOnce(HEADS_UP_ID, occurrenceKey(next), chosen?.title ?? title, chosen?.message ?? t('headsUpMessage', [formatTime(next.start)]));
}

// Events can arrive together (alarm + storage change + message); run one at a time
// so two applies never interleave.
export const inTurn = serial((error) => console.error('Hearth: reconcile failed', error));

/** Reconciles once the reconcile before it is done, with the clock read as it starts. */
export function reconcileSoon(clock: () => number = Date.now): Promise<Reconciled> {
  return inTurn(() => reconcile(clock()));
}

/**
 * An alarm due at `due`: reconciles, unless a reconcile that read the clock at or after
 * `due` already ran in this worker. A worker the alarm starts repairs first (below), and
 * that repair, finding a start or end passed, has applied it: a second apply would only
 * query every tab and send each its plan again.
 */
export function reconcileForAlarm(due: number, clock: () => number = Date.now): Promise<void> {
  return inTurn(async () => {
    const now = clock();
    // (A clock set back since that reconcile: it applied a time not reached yet.)
    if (lastReconcileAt < due || lastReconcileAt > now) await reconcile(now);
  });
}

/**
 * A worker woken for any reason: applies again only if the last apply was cut short, or
 * what should be has changed since it finished (the clock passed a start or end in sleep).
 * Otherwise a read of storage, and nothing more: most wake-ups are a work page saying
 * hello, or the popup, and they must cost nothing.
 */
export function repairIfUnsettled(clock: () => number = Date.now): Promise<void> {
  return inTurn(async () => {
    const now = clock();
    const [stored, { [SETTLED_KEY]: settled }] = await Promise.all([readStored(), browser.storage.session.get(SETTLED_KEY)]);
    const { settings, desired } = await desiredNow(now, stored);
    if (settled !== settledAs(desired, settings)) await reconcile(now, stored);
  });
}
