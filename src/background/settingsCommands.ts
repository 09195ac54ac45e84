// The settings pages' requests: read everything, save the schedule whole, a change
// of preferences or the children's ages (all or nothing, with a sentence per problem), skip one
// occurrence, and replace them all with imported ones.
import { t } from '../i18n';
import { isRecord } from '../core/record';
import { parseSettings } from '../core/settings/parse';
import { ORG_WINDOW, ownPart, withPolicy } from '../core/policy';
import type { Settings } from '../core/settings/schema';
import type { SaveResult, SettingsView } from '../messages';
import { loadSettings, updateSettings } from './store';
import { loadPolicy } from './policy';
import { syncStatus } from './sync';

export async function settingsView(): Promise<SettingsView> {
  const { settings, problems, own, policyNotes } = await loadSettings();
  return { settings, problems: [...problems, ...policyNotes], own: ownPart(own), storage: await syncStatus() };
}

/** Validates the whole candidate; saves only when every part of it is readable. */
async function saveWhole(change: (s: Settings) => unknown): Promise<SaveResult> {
  let problems: string[] = [];
  await updateSettings((settings) => {
    const parsed = parseSettings(change(settings));
    problems = parsed.intact ? [] : parsed.problems;
    return parsed.intact ? parsed.settings : null;
  });
  return problems.length ? { ok: false, problems } : { ok: true, view: await settingsView() };
}

/** The organisation's windows come from its policy, never from a save: the page's copy of them is left out. */
export const saveSchedule = (schedule: unknown) => saveWhole((s) => ({ ...s, schedule: withoutOrganisation(schedule) }));

function withoutOrganisation(schedule: unknown): unknown {
  if (!isRecord(schedule) || !Array.isArray(schedule.windows)) return schedule;
  const theirs = (w: unknown) => isRecord(w) && typeof w.id === 'string' && w.id.startsWith(ORG_WINDOW);
  return { ...schedule, windows: schedule.windows.filter((w: unknown) => !theirs(w)) };
}

/**
 * Merges a change of some preferences into the stored ones inside the serialised
 * update, so two changes made quickly one after another both land. Only what differs
 * from the preferences in force is taken, and noted as the parent's own choice: an
 * organisation's default the page sent back unchanged is never written into their
 * settings. Anything but a plain object goes to the parser as it is, to be refused.
 */
export async function savePreferences(change: unknown): Promise<SaveResult> {
  const policy = await loadPolicy();
  return saveWhole((s) => {
    if (!isRecord(change)) return { ...s, preferences: change };
    const inForce: Record<string, unknown> = withPolicy(s, policy).preferences;
    const changed = Object.keys(change).filter((key) => key in inForce && !Object.is(change[key], inForce[key]));
    if (changed.length === 0) return s;
    const chosen = [...new Set([...(s.chosenPreferences ?? []), ...changed])];
    return { ...s, preferences: { ...s.preferences, ...Object.fromEntries(changed.map((key) => [key, change[key]])) }, chosenPreferences: chosen };
  });
}

/** The children's age ranges, as the parent ticked them (none: not given). */
export const saveChildAges = (ages: readonly string[]) => saveWhole((s) => ({ ...s, childAges: ages }));

/** When the popup asks what matters most each week, or not at all. */
export const saveWeeklyChoice = (choice: unknown) => saveWhole((s) => ({ ...s, weeklyChoice: choice }));

export async function setSkip(windowId: string, date: string, skipped: boolean): Promise<SettingsView> {
  await saveWhole((s) => {
    const others = s.schedule.skips.filter((k) => !(k.windowId === windowId && k.date === date));
    return { ...s, schedule: { ...s.schedule, skips: skipped ? [...others, { windowId, date }] : others } };
  });
  return settingsView();
}

/**
 * Replaces every setting with imported ones. The options page reads the file and says
 * what is wrong with it (core/settings/file.ts, which the worker need not carry); what
 * arrives is checked again with the one stored-settings check, and anything it would
 * set aside or reset refuses the whole import. Nothing (`undefined`) would read as a
 * first run's usual settings, so it is refused too.
 */
export async function importSettings(raw: unknown): Promise<{ ok: true; view: SettingsView } | { ok: false; error: string }> {
  const parsed = raw === undefined ? null : parseSettings(raw);
  if (!parsed?.intact) return { ok: false, error: t('coreFileUnexpected') };
  await updateSettings(() => parsed.settings);
  return { ok: true, view: await settingsView() };
}
