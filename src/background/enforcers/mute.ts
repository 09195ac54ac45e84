// Work tabs are muted during family time. Afterwards only the tabs Hearth muted
// are unmuted, and only if they are still muted by Hearth: a tab the parent
// muted (before, or during, family time) stays muted.
import { browser, type Tabs } from '../ext';
import { settle } from './tabs';

// storage.session: tab ids do not outlive the browser session, and neither should this.
const MUTED_KEY = 'mutedByHearth';

async function mutedByUs(): Promise<number[]> {
  const { [MUTED_KEY]: ids } = await browser.storage.session.get(MUTED_KEY);
  return Array.isArray(ids) ? (ids as number[]) : [];
}

const oursStill = (tab: Tabs.Tab) =>
  tab.mutedInfo?.muted === true && tab.mutedInfo.reason === 'extension' && tab.mutedInfo.extensionId === browser.runtime.id;

/** `patterns`: match patterns of the work sites to keep muted now (empty: none). */
export async function applyMute(patterns: string[]): Promise<void> {
  // Asked together: the sound is the first thing a parent notices at the start.
  const [recorded, work] = await Promise.all([mutedByUs(), patterns.length ? browser.tabs.query({ url: patterns }) : []]);
  const workIds = new Set(work.map((t) => t.id));
  const keep = recorded.filter((id) => workIds.has(id));

  // Mute work tabs not yet seen. A tab already muted (by the parent) is left alone,
  // and so is one Hearth muted that the parent has since unmuted: their choice.
  const seen = new Set(recorded);
  const fresh = work.filter((tab): tab is Tabs.Tab & { id: number } => tab.id !== undefined && !seen.has(tab.id));
  // Muted by Hearth but not on record (the record went with an extension update): ours.
  const newlyMuted = fresh.filter((tab) => oursStill(tab) || !tab.mutedInfo?.muted).map((tab) => tab.id);
  // All at once: fifty work tabs muted one after another took the browser most of a second.
  await Promise.all(fresh.filter((tab) => !tab.mutedInfo?.muted).map((tab) => settle(browser.tabs.update(tab.id, { muted: true }))));
  // Release tabs that are no longer work tabs in family time, all at once (one after the
  // other, fifty took the end of family time most of a second). With no work tabs left,
  // tabs Hearth muted before an update, off the record, are released too.
  const released = new Set(recorded.filter((id) => !workIds.has(id)));
  if (released.size || patterns.length === 0) {
    const ours = (await browser.tabs.query({ muted: true })).filter(
      (tab): tab is Tabs.Tab & { id: number } => tab.id !== undefined && oursStill(tab) && (patterns.length === 0 || released.has(tab.id)),
    );
    await Promise.all(ours.map((tab) => settle(browser.tabs.update(tab.id, { muted: false }))));
  }
  const next = [...keep, ...newlyMuted];
  if (next.length !== recorded.length || next.some((id, i) => id !== recorded[i])) {
    await browser.storage.session.set({ [MUTED_KEY]: next });
  }
}

/**
 * A work page that loaded during family time: its tab alone is muted now, by the same
 * rules as above (the parent's own mute, or their unmuting of it, is left as it is).
 */
export async function muteTab(tabId: number): Promise<void> {
  const recorded = await mutedByUs();
  if (recorded.includes(tabId)) return;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return;
  if (!oursStill(tab)) {
    if (tab.mutedInfo?.muted) return;
    if ((await settle(browser.tabs.update(tabId, { muted: true }))) === undefined) return;
  }
  await browser.storage.session.set({ [MUTED_KEY]: [...recorded, tabId] });
}
