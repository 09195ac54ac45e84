// Settings and reconcile bookkeeping in extension storage. Every read is validated.
import { browser } from './ext';
import { keepWhatOlderLacks } from '../core/settings/olderPeer';
import { parseSettings } from '../core/settings/parse';
import { readPolicy, withPolicy } from '../core/policy';
import { POLICY_KEY, loadPolicy } from './policy';
import type { Settings } from '../core/settings/schema';
import { desiredState, type AppliedOccurrence } from '../core/desired';
import { activePasses, type Pass } from '../core/quiet';
import { serial } from '../core/serial';
import { NOT_SAVED } from '../messages';
import { isOwnEcho, mirrorToSync, sameValue } from './sync';

export const SETTINGS_KEY = 'settings';
const BACKUP_KEY = 'settingsSetAside';
const APPLIED_KEY = 'applied';
const PASSES_KEY = 'passes';
// storage.local, this device only: when Hearth was first installed here (epoch ms).
const INSTALLED_KEY = 'installedAt';

export interface LoadedSettings {
  settings: Settings;
  problems: string[];
}

/**
 * The settings in force, validated: the parent's own, with their organisation's beside them
 * (background/policy.ts); a plain note for each stored value set aside, and apart, for
 * each value of the policy set aside (the settings page shows those, the popup doesn't:
 * they are the organisation's to mend). A read: nothing is written, whatever storage holds.
 */
export async function loadSettings(): Promise<LoadedSettings & { own: Settings; policyNotes: string[] }> {
  const [stored, policy] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), loadPolicy()]);
  const { settings, problems } = parseSettings(stored[SETTINGS_KEY]);
  return { settings: withPolicy(settings, policy), problems, own: settings, policyNotes: policy.notes };
}

/** Notes when Hearth was installed on this device (the first install only). */
export async function noteInstalled(now: number): Promise<void> {
  await browser.storage.local.set({ [INSTALLED_KEY]: now });
}

/** When Hearth was installed on this device; undefined for an install from before it was noted. */
export async function loadInstalledAt(): Promise<number | undefined> {
  const { [INSTALLED_KEY]: at } = await browser.storage.local.get(INSTALLED_KEY);
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/**
 * The parent's own settings (nothing of the organisation's), read before an apply or a
 * change (reconcile, or the parent's own change): an
 * older format read cleanly is written back once in today's format, and settings that had
 * to be set aside are kept once as they were, so nothing the parent wrote is lost for good.
 */
export async function loadSettingsToApply(read?: Stored): Promise<LoadedSettings> {
  const stored = read ?? (await browser.storage.local.get(SETTINGS_KEY));
  const { settings, problems, intact, migratedFrom } = parseSettings(stored[SETTINGS_KEY]);
  if (intact && migratedFrom !== null) await saveSettings(settings);
  if (!intact) {
    const { [BACKUP_KEY]: backup } = await browser.storage.local.get(BACKUP_KEY);
    if (backup === undefined) await browser.storage.local.set({ [BACKUP_KEY]: stored[SETTINGS_KEY] });
  }
  return { settings, problems };
}

async function saveSettings(settings: Settings): Promise<void> {
  await keep({ [SETTINGS_KEY]: settings });
  await mirrorToSync(settings);
}

/**
 * A change the parent asked for, written to local storage. A refusal (the quota, a
 * failing disk) becomes NOT_SAVED, which the pages put in plain words; nothing else
 * changes, so the last settings saved stay in force.
 */
async function keep(items: Record<string, unknown>): Promise<void> {
  try {
    await browser.storage.local.set(items);
  } catch (cause) {
    throw new Error(NOT_SAVED, { cause });
  }
}

// Every read-modify-write of settings or passes runs one after another, so two
// requests at once (the popup and the options page, or a change from another
// device) never lose each other's change. Separate from the reconcile queue,
// which waits on these.
const inTurn = serial();

/** Applies `change` to the settings as stored now; null leaves them as they are. */
export function updateSettings(change: (settings: Settings) => Settings | null): Promise<Settings> {
  return inTurn(async () => {
    const { settings } = await loadSettingsToApply();
    const next = change(settings);
    if (next) await saveSettings(next);
    return next ?? settings;
  });
}

/** Settings changed on another device: adopted into this one when readable and new here. */
export function adoptFromSync(incoming: unknown): Promise<boolean> {
  return inTurn(async () => {
    if (incoming === undefined || (await isOwnEcho(incoming))) return false;
    const parsed = parseSettings(incoming);
    if (!parsed.intact || parsed.fromNewerVersion) return false;
    const { [SETTINGS_KEY]: current } = await browser.storage.local.get(SETTINGS_KEY);
    // From an older Hearth on another device: what that version can't hold stays as here.
    const settings = parsed.migratedFrom === null ? parsed.settings : keepWhatOlderLacks(parsed.settings, parsed.migratedFrom, parseSettings(current).settings);
    if (sameValue(current, settings)) return false;
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
    return true;
  });
}

export async function loadApplied(): Promise<AppliedOccurrence[]> {
  const { [APPLIED_KEY]: applied } = await browser.storage.local.get(APPLIED_KEY);
  return Array.isArray(applied) ? (applied as AppliedOccurrence[]) : [];
}

export async function saveApplied(applied: AppliedOccurrence[]): Promise<void> {
  await browser.storage.local.set({ [APPLIED_KEY]: applied });
}

/** The ways through in `stored` still open (expired ones are dropped on the next write). */
const openPasses = (stored: unknown, now: number): Pass[] => (Array.isArray(stored) ? activePasses(stored as Pass[], now) : []);

/** Ways through that are still open. */
export async function loadPasses(now: number): Promise<Pass[]> {
  const { [PASSES_KEY]: passes } = await browser.storage.local.get(PASSES_KEY);
  return openPasses(passes, now);
}

/** Storage as read: what should be is made of the settings, the policy and the ways through. */
export type Stored = Record<string, unknown>;

/** The three values what should be is made of, in one call to storage. */
export const readStored = (): Promise<Stored> => browser.storage.local.get([SETTINGS_KEY, POLICY_KEY, PASSES_KEY]);

/** The policy and the ways through as `stored` holds them (the settings: loadSettingsToApply). */
export const policyAndPasses = (stored: Stored, now: number) => ({ policy: readPolicy(stored[POLICY_KEY]), passes: openPasses(stored[PASSES_KEY], now) });

/** The settings in force and the stored ways through. */
async function readForDesired(read?: Stored): Promise<LoadedSettings & { passes: unknown }> {
  const stored = read ?? (await readStored());
  const { settings, problems } = parseSettings(stored[SETTINGS_KEY]);
  return { settings: withPolicy(settings, readPolicy(stored[POLICY_KEY])), problems, passes: stored[PASSES_KEY] };
}

function desiredFrom({ settings, problems, passes: stored }: Awaited<ReturnType<typeof readForDesired>>, now: number) {
  const passes = openPasses(stored, now);
  return { settings, problems, passes, desired: desiredState(settings, passes, now) };
}

/** What should be now, from stored state (`read`, or read now) and the pure core: a read, with no effect applied. */
export async function desiredNow(now: number, read?: Stored) {
  return desiredFrom(await readForDesired(read), now);
}

/**
 * The same, for what work pages ask (a page loading, a tab waking): the read is shared by
 * the asks that arrive while it is under way. Fifty tabs tucked away wake together as
 * family time ends and each asks; a read each, with its check of the settings, held the
 * end's own work up. A write begun meanwhile is not missed for long: storage answers in
 * order, and every write that changes what should be reconciles and tells the open tabs
 * their plans again.
 */
let reading: ReturnType<typeof readForDesired> | null = null;
export async function desiredForPages(now: number) {
  reading ??= readForDesired().finally(() => (reading = null));
  return desiredFrom(await reading, now);
}

export function updatePasses(change: (passes: Pass[]) => Pass[], now: number): Promise<void> {
  return inTurn(async () => {
    await keep({ [PASSES_KEY]: change(await loadPasses(now)) });
  });
}
