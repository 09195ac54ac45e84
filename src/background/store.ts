// Settings and reconcile bookkeeping in extension storage. Every read is validated.
import browser from 'webextension-polyfill';
import { parseSettings, type Settings } from '../core/settings';
import type { AppliedOccurrence } from '../core/desired';
import { activePasses, type Pass } from '../core/quiet';
import { mirrorToSync } from './sync';

export const SETTINGS_KEY = 'settings';
const BACKUP_KEY = 'settingsSetAside';
const APPLIED_KEY = 'applied';
const PASSES_KEY = 'passes';

export interface LoadedSettings {
  settings: Settings;
  problems: string[];
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings, problems, intact, migratedFrom } = parseSettings(stored[SETTINGS_KEY]);
  // An older format read cleanly is written back once in today's format.
  if (intact && migratedFrom !== null) await saveSettings(settings);
  if (!intact) {
    // Keep the unreadable original once, so nothing the parent wrote is lost for good.
    const { [BACKUP_KEY]: backup } = await browser.storage.local.get(BACKUP_KEY);
    if (backup === undefined) await browser.storage.local.set({ [BACKUP_KEY]: stored[SETTINGS_KEY] });
  }
  return { settings, problems };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  await mirrorToSync(settings);
}

export async function loadApplied(): Promise<AppliedOccurrence[]> {
  const { [APPLIED_KEY]: applied } = await browser.storage.local.get(APPLIED_KEY);
  return Array.isArray(applied) ? (applied as AppliedOccurrence[]) : [];
}

export async function saveApplied(applied: AppliedOccurrence[]): Promise<void> {
  await browser.storage.local.set({ [APPLIED_KEY]: applied });
}

/** Ways through that are still open (expired ones are dropped on the next write). */
export async function loadPasses(now: number): Promise<Pass[]> {
  const { [PASSES_KEY]: passes } = await browser.storage.local.get(PASSES_KEY);
  return Array.isArray(passes) ? activePasses(passes as Pass[], now) : [];
}

export async function savePasses(passes: Pass[]): Promise<void> {
  await browser.storage.local.set({ [PASSES_KEY]: passes });
}
