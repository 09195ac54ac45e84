// A notification a work page sent during family time that names one of the parent's
// let-through rules: shown by Hearth, as its own notification named for the site, and
// a click on it brings the tab forward. The page's words go into the notification and
// nowhere else (not storage, not history); history counts it, with the rule.
//
// A page can send what it likes through its own notification calls, so the worker
// checks again what the content script matched, and shows at most a few a minute per
// site: the rest are summed up in one notification that is updated in place.
import { compileRules, matchingRule } from '../core/letThrough';
import { serial } from '../core/serial';
import { clip } from '../core/settings/wording';
import type { TabPlan } from '../messages';
import { t } from '../i18n';
import { browser, mayNotify, type Runtime } from './ext';
import { openHistory } from './history';

/** Shown one by one per site in a minute; more are summed up. */
export const LET_THROUGH_PER_MINUTE = 3;
const SHOWN_KEY = 'letThroughShown';
/** storage.session: each site's tab its summary notification brings forward. */
const TABS_KEY = 'letThroughTabs';
const TAB_PREFIX = 'hearth-let-tab-';
const MORE_PREFIX = 'hearth-let-more-';

type Shown = Record<string, { at: number[]; more: number }>;

async function sessionRecord<T>(key: string): Promise<T> {
  const { [key]: value } = await browser.storage.session.get(key);
  return (value && typeof value === 'object' ? value : {}) as T;
}

// One at a time: the count of what was shown is read and written back for each.
const inTurn = serial((error) => console.error('Hearth: a let-through notification was not shown', error));

/** The sender's tab must be a work tab in family time now (`plan`), and the words must name a rule. */
export function letThrough(sender: Runtime.MessageSender, plan: TabPlan | null, title: string, body: string, now: number): Promise<null> {
  return inTurn(() => showIfNamed(sender, plan, title, body, now)).then(
    () => null,
    () => null,
  );
}

async function showIfNamed(sender: Runtime.MessageSender, plan: TabPlan | null, title: string, body: string, now: number): Promise<null> {
  const tab = sender.tab;
  if (!plan || tab?.id === undefined) return null;
  // The plan, read from the settings just now, holds this site's words.
  const rule = matchingRule(compileRules((plan.letThrough ?? []).map((text, i) => ({ id: String(i), text })), plan.siteId), title, body);
  if (!rule) return null;

  const shown = await sessionRecord<Shown>(SHOWN_KEY);
  const site = shown[plan.siteId] ?? { at: [], more: 0 };
  site.at = site.at.filter((at) => now - at < 60_000);
  // A quiet minute starts the count of what was summed up afresh.
  if (site.at.length === 0) site.more = 0;
  const oneByOne = site.at.length < LET_THROUGH_PER_MINUTE;
  if (oneByOne) site.at.push(now);
  else site.more += 1;
  await browser.storage.session.set({ [SHOWN_KEY]: { ...shown, [plan.siteId]: site } });

  // History counts what was shown one by one (a few a minute at most), so a page that
  // floods can't fill it; the summary says how many more there were.
  if (oneByOne) await countLetThrough(plan, rule.text, now);
  if (!(await mayNotify())) return null;
  // The summary keeps one id per site, so a flood updates it rather than adding more. A
  // click must find the tab: one by one, its id says it; the summary's, the site's last
  // tab on record (one a site: the record never grows with the notifications).
  const id = oneByOne ? `${TAB_PREFIX}${tab.id}-${now}-${Math.random().toString(36).slice(2, 8)}` : `${MORE_PREFIX}${plan.siteId}`;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    // Notifications show text only: nothing the page sends is read as markup.
    title: oneByOne ? clip(`${plan.name} — ${title.trim() || rule.text}`, 120) : t('letThroughMoreTitle', [plan.name]),
    message: oneByOne ? clip(body.trim(), 300) : t('letThroughMoreMessage', [String(site.more), rule.text]),
  });
  if (!oneByOne) {
    const tabs = await sessionRecord<Record<string, number>>(TABS_KEY);
    await browser.storage.session.set({ [TABS_KEY]: { ...tabs, [plan.siteId]: tab.id } });
  }
  return null;
}

async function countLetThrough(plan: TabPlan, rule: string, at: number): Promise<void> {
  const history = await openHistory();
  try {
    await history.record({ type: 'let-through', at, occurrenceKey: `site:${plan.siteId}`, label: plan.name, detail: rule });
  } finally {
    history.close();
  }
}

/** A click on a let-through notification brings its work tab forward; true when it was one. */
export async function openLetThrough(id: string): Promise<boolean> {
  let tabId: number | undefined;
  if (id.startsWith(TAB_PREFIX)) tabId = Number.parseInt(id.slice(TAB_PREFIX.length), 10);
  else if (id.startsWith(MORE_PREFIX)) tabId = (await sessionRecord<Record<string, number>>(TABS_KEY))[id.slice(MORE_PREFIX.length)];
  else return false;
  const tab = tabId === undefined ? null : await browser.tabs.get(tabId).catch(() => null);
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    await browser.windows.update(tab.windowId!, { focused: true }).catch(() => undefined);
  }
  return true;
}
