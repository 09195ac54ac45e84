// Hearth's own two notifications: a calm heads-up a few minutes before family
// time, and a short welcome back at its end. Each is shown once per occurrence
// (remembered in storage, since reconcile runs many times) and only when the
// browser lets Hearth notify at all.
import { browser, mayNotify } from '../ext';

const SHOWN_KEY = 'noticesShown';
export const HEADS_UP_ID = 'hearth-heads-up';
export const WELCOME_BACK_ID = 'hearth-welcome-back';

/** Shows `id` once for `occurrence` (a key): true when it was shown now. */
export async function noticeOnce(id: string, occurrence: string, title: string, message: string): Promise<boolean> {
  const { [SHOWN_KEY]: stored } = await browser.storage.local.get(SHOWN_KEY);
  const shown = (stored && typeof stored === 'object' ? stored : {}) as Record<string, string>;
  if (shown[id] === occurrence) return false;
  await browser.storage.local.set({ [SHOWN_KEY]: { ...shown, [id]: occurrence } });
  if (!(await mayNotify())) return false;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
  return true;
}
