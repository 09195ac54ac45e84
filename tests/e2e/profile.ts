// A Chromium profile prepared the way the browser itself stores things, so a
// test starts from a parent's real earlier choices (not Playwright overrides).
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A profile in which the parent already allowed notifications for `origin`,
 * written as Chromium writes it to Default/Preferences (setting 1 = allow).
 * context.grantPermissions is not used: it overrides extension content settings.
 */
export async function profileAllowingNotifications(origin: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-profile-'));
  await mkdir(join(dir, 'Default'), { recursive: true });
  const exceptions = { notifications: { [`${origin},*`]: { last_modified: '13370000000000000', setting: 1 } } };
  await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { content_settings: { exceptions } } }));
  return dir;
}

/** Asks Chromium to open the last session's tabs at start-up ("Continue where you left off"), as many parents have it. */
export async function restoringTabs(dir: string): Promise<void> {
  const file = join(dir, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { session?: object };
  prefs.session = { ...prefs.session, restore_on_startup: 1 };
  await writeFile(file, JSON.stringify(prefs));
}
