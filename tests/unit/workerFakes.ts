// Worker effects the fake browser can't carry (scripting, contentSettings, Chromium's
// notification permission), kept out of unit tests of reconcile and the message map; the
// browser tests cover them, and the enforcers' own diffing has unit tests beside them.
// Use in a vi.mock factory: vi.mock('./enforcers/sites', () => import(…).then((m) => m.sitesWithoutEffects())).
import { vi } from 'vitest';

type Sites = typeof import('../../src/background/enforcers/sites');
type Notices = typeof import('../../src/background/enforcers/notices');

/** Work-site effects applied by no one, and no host access held. */
export async function sitesWithoutEffects(): Promise<Sites> {
  const actual = await vi.importActual<Sites>('../../src/background/enforcers/sites');
  return { ...actual, applySiteEffects: vi.fn(async () => undefined), hasAccess: vi.fn(async () => false) };
}

/** Hearth's own heads-up and welcome back, counted as shown without a notification. */
export async function noticesShownQuietly(): Promise<Notices> {
  const actual = await vi.importActual<Notices>('../../src/background/enforcers/notices');
  return { ...actual, noticeOnce: vi.fn(async () => true) };
}
