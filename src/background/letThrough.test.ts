import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { TabPlan } from '../messages';
import { browser } from './ext';
import { openHistory } from './history';
import { LET_THROUGH_PER_MINUTE, letThrough, openLetThrough } from './letThrough';

// What the worker plans for the sender's tab from settings (tabPlanFor): the site's words with it.
const plan: TabPlan = { siteId: 'gmail', name: 'Gmail', mode: 'quiet', wayThroughMinutes: 10, until: null, letThrough: ['School office'] };
const tab = { id: 7, windowId: 2, index: 0, highlighted: false, active: false, pinned: false, incognito: false, url: 'https://mail.google.com/' };
const sender = { id: fakeBrowser.runtime.id, tab };
const created: { id: string; title: string; message: string }[] = [];

beforeEach(async () => {
  const settings = defaultSettings();
  settings.sites = [{ id: 'gmail', pattern: 'mail.google.com', mode: 'quiet' }];
  settings.letThrough = [{ id: 'r1', text: 'School office' }];
  await fakeBrowser.storage.local.set({ settings });
  created.length = 0;
  vi.spyOn(browser.notifications, 'create').mockImplementation((async (id: string, options: { title: string; message: string }) => {
    created.push({ id, title: options.title, message: options.message });
    return id;
  }) as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('a held notification that names a let-through rule', () => {
  test('is shown by Hearth, named for the site, and counted with the rule but without its words', async () => {
    await letThrough(sender, plan, 'School office', 'Pick-up moved to 3 pm', 1000);
    expect(created).toEqual([{ id: expect.stringMatching(/^hearth-let-/), title: 'Gmail — School office', message: 'Pick-up moved to 3 pm' }]);
    const history = await openHistory();
    const events = await history.all();
    history.close();
    expect(events.map((e) => [e.type, e.label, e.detail])).toEqual([['let-through', 'Gmail', 'School office']]);
    expect(JSON.stringify(events)).not.toContain('Pick-up');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('Pick-up');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Pick-up');
  });

  test('is checked again in the worker: no rule named, or no family time, shows nothing', async () => {
    await letThrough(sender, plan, 'Sam', 'lunch?', 1000);
    await letThrough(sender, null, 'School office', 'pick-up', 1000);
    expect(created).toEqual([]);
  });

  test('a flood is a few, then one summary updated in place', async () => {
    for (let i = 0; i < 100; i++) await letThrough(sender, plan, 'School office', `message ${i}`, 1000 + i * 10);
    const ids = new Set(created.map((c) => c.id));
    expect(ids.size).toBe(LET_THROUGH_PER_MINUTE + 1);
    expect(created.at(-1)).toMatchObject({ id: 'hearth-let-more-gmail', message: expect.stringContaining('97 more') });
    // A minute on, one by one again.
    await letThrough(sender, plan, 'School office', 'later', 1000 + 61_000);
    expect(created.at(-1)).toMatchObject({ title: 'Gmail — School office', message: 'later' });
  });

  test('a click brings its work tab forward', async () => {
    const update = vi.spyOn(browser.tabs, 'update').mockResolvedValue(tab as never);
    vi.spyOn(browser.tabs, 'get').mockResolvedValue(tab as never);
    const focus = vi.spyOn(browser.windows, 'update').mockResolvedValue({} as never);
    await letThrough(sender, plan, 'School office', 'pick-up', 1000);
    expect(await openLetThrough(created[0]!.id)).toBe(true);
    expect(update).toHaveBeenCalledWith(7, { active: true });
    expect(focus).toHaveBeenCalledWith(2, { focused: true });
    expect(await openLetThrough('hearth-heads-up')).toBe(false);
  });

  test("a click on a flood's summary brings the site's tab forward; what is kept for it does not grow with the flood", async () => {
    const update = vi.spyOn(browser.tabs, 'update').mockResolvedValue(tab as never);
    vi.spyOn(browser.tabs, 'get').mockResolvedValue(tab as never);
    vi.spyOn(browser.windows, 'update').mockResolvedValue({} as never);
    for (let i = 0; i < 50; i++) await letThrough(sender, plan, 'School office', `message ${i}`, 1000 + i * 10);
    expect(await fakeBrowser.storage.session.get('letThroughTabs')).toEqual({ letThroughTabs: { gmail: 7 } });
    expect(await openLetThrough('hearth-let-more-gmail')).toBe(true);
    expect(update).toHaveBeenCalledWith(7, { active: true });
  });
});
