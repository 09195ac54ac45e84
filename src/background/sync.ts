// Settings ride the browser's own sync (storage.sync) so a parent's laptop and
// desktop agree. storage.local stays the working copy every read uses; each save
// is mirrored to sync, and a change that arrives from another device is adopted
// into local (which reconciles). When sync refuses (quota, item size, sync off),
// settings still save on this device and the parent is told plainly.
import { browser } from './ext';
import type { Settings } from '../core/settings/schema';
import { t } from '../i18n';

export const SYNC_KEY = 'settings';
const STATUS_KEY = 'syncStatus';
// Fingerprints of what this device wrote to sync lately: their echoes are not news.
const MIRRORED_KEY = 'syncMirrored';
const REMEMBERED = 20;

/** JSON with object keys sorted: storage may hand an object back with its keys reordered. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? ''
  );
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function fingerprint(value: unknown): string {
  const text = canonical(value);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return `${text.length}:${hash}`;
}

async function mirrored(): Promise<string[]> {
  const { [MIRRORED_KEY]: list } = await browser.storage.local.get(MIRRORED_KEY);
  return Array.isArray(list) ? (list as string[]) : [];
}

export interface SyncStatus {
  area: 'sync' | 'local';
  note: string | null;
}

export async function mirrorToSync(settings: Settings): Promise<void> {
  let status: SyncStatus;
  try {
    const mine = [...(await mirrored()), fingerprint(settings)].slice(-REMEMBERED);
    await browser.storage.local.set({ [MIRRORED_KEY]: mine });
    await browser.storage.sync.set({ [SYNC_KEY]: settings });
    status = { area: 'sync', note: null };
  } catch (error) {
    const quota = /quota|QUOTA|bytes/i.test(String(error));
    status = { area: 'local', note: t(quota ? 'syncTooBig' : 'syncUnavailable') };
  }
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

export async function syncStatus(): Promise<SyncStatus> {
  const { [STATUS_KEY]: status } = await browser.storage.local.get(STATUS_KEY);
  const s = status as Partial<SyncStatus> | undefined;
  return s?.area === 'local' ? { area: 'local', note: typeof s.note === 'string' ? s.note : null } : { area: 'sync', note: null };
}

/** The echo of one of this device's own recent writes to sync: not news. */
export async function isOwnEcho(incoming: unknown): Promise<boolean> {
  return (await mirrored()).includes(fingerprint(incoming));
}
