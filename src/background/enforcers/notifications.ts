// Chromium: block notifications per work-site pattern with contentSettings while
// family time is on. This reaches what no page script can: a site's own service
// worker (push). `clear()` then gives back the parent's own choice. There is no
// per-pattern removal, so any change clears and re-sets the whole list.
// Firefox has no contentSettings: there the page stand-ins are the only means.
import { browser, contentSettings } from '../ext';
import { sameList } from '../../core/lists';

// What was last applied, kept in storage.session: Chromium does not keep an
// unpacked extension's content settings across a browser restart, so after one
// the record is gone too and the blocks are set again.
const APPLIED_KEY = 'notificationBlocks';

export const canBlockNotifications = (): boolean => contentSettings()?.notifications !== undefined;

/** Returns the patterns that were blocked before and are released now. */
export async function applyNotificationBlocks(patterns: string[]): Promise<string[]> {
  const api = contentSettings()?.notifications;
  if (!api) return [];
  const { [APPLIED_KEY]: stored } = await browser.storage.session.get(APPLIED_KEY);
  const applied = Array.isArray(stored) ? (stored as string[]) : [];
  // No record (a new browser session): what the browser holds is unknown, so clear and set again.
  if (Array.isArray(stored) && sameList(applied, patterns)) return [];
  await api.clear({});
  for (const primaryPattern of patterns) await api.set({ primaryPattern, setting: 'block' });
  await browser.storage.session.set({ [APPLIED_KEY]: patterns });
  return applied.filter((p) => !patterns.includes(p));
}
