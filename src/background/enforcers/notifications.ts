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
/**
 * The origins whose notifications the parent allowed, read as the block was set. Under the
 * block a page that loads reads its permission as denied: it would ask for one it has, and
 * hold nothing the parent's let-through words could match. Told this, its stand-ins give
 * it the parent's answer instead (content/quiet.ts).
 */
const ALLOWED_KEY = 'notificationsAllowed';

export const canBlockNotifications = (): boolean => contentSettings()?.notifications !== undefined;

/**
 * Returns the patterns that were blocked before and are released now. `addresses`: pages
 * whose origins to learn the parent's own choice for (open work tabs, each site's own host).
 */
export async function applyNotificationBlocks(patterns: string[], addresses: () => Promise<string[]> = async () => []): Promise<string[]> {
  const api = contentSettings()?.notifications;
  if (!api) return [];
  const { [APPLIED_KEY]: stored } = await browser.storage.session.get(APPLIED_KEY);
  const applied = Array.isArray(stored) ? (stored as string[]) : [];
  // No record (a new browser session): what the browser holds is unknown, so clear and set again.
  if (Array.isArray(stored) && sameList(applied, patterns)) return [];
  // Found before the clear: between it and the block a site's push could show, so the gap is kept short.
  const pages = patterns.length ? await addresses().catch(() => []) : [];
  await api.clear({});
  // Between the clear and the block, what the browser says is the parent's own choice.
  const allowed = await allowedOrigins(api, pages);
  for (const primaryPattern of patterns) await api.set({ primaryPattern, setting: 'block' });
  await browser.storage.session.set({ [APPLIED_KEY]: patterns, [ALLOWED_KEY]: allowed });
  return applied.filter((p) => !patterns.includes(p));
}

type Notifications = NonNullable<ReturnType<typeof contentSettings>>['notifications'];

async function allowedOrigins(api: Notifications, addresses: string[]): Promise<string[]> {
  const origins = [...new Set(addresses.filter(Boolean).map((a) => new URL(a).origin))];
  const settings = await Promise.all(origins.map((o) => api.get({ primaryUrl: `${o}/` }).then((r) => r.setting, () => '')));
  return origins.filter((_, i) => settings[i] === 'allow');
}

/** Whether the parent allowed notifications for the page at `address` (http or https), as read when the block was set. */
export async function allowedUnderBlock(address: string): Promise<boolean> {
  // No block, no record of it (Firefox): nothing to read at each work page's hello.
  if (!canBlockNotifications()) return false;
  const { [ALLOWED_KEY]: allowed } = await browser.storage.session.get(ALLOWED_KEY);
  return Array.isArray(allowed) && allowed.includes(new URL(address).origin);
}
