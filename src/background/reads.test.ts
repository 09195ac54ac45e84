// Reads are reads: a status, a prompt, a calm view, a view of settings, sites, thoughts
// or reflection, and a work tab's hello are answered from storage and the pure core. Only
// events that change what should be apply the effects (reconcile).
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { Request, TabPlan } from '../messages';
import { applySiteEffects } from './enforcers/sites';
import { handleMessage } from './messaging';
import { reconcileForAlarm, reconcileSoon, repairIfUnsettled } from './reconcile';
import { SETTINGS_KEY } from './store';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));
vi.mock('./enforcers/notices', () => import('../../tests/unit/workerFakes').then((m) => m.noticesShownQuietly()));

process.env.TZ = 'Europe/London';
// Wednesday 25 November 2026, 18:30 (GMT): Dinner is on.
const DINNER = new Date(2026, 10, 25, 18, 30).getTime();
const own = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/ui/popup/index.html') });

async function familyTimeWithSlack(): Promise<void> {
  const settings = defaultSettings();
  settings.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'dim' }];
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
  await reconcileSoon(() => DINNER);
  vi.mocked(applySiteEffects).mockClear();
}

const everything = async () =>
  JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null), await fakeBrowser.storage.session.get(null)]);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(DINNER);
  vi.mocked(applySiteEffects).mockClear();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('reads apply nothing', () => {
  const reads: Request[] = [
    { type: 'status' },
    { type: 'calm', siteId: 'slack' },
    { type: 'sites' },
    { type: 'settings' },
    { type: 'thoughts' },
    { type: 'reflection' },
  ];
  for (const request of reads) {
    test(`${request.type}: no effect applied and nothing written`, async () => {
      await familyTimeWithSlack();
      const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
      const alarm = vi.spyOn(fakeBrowser.alarms, 'create');
      const before = await everything();
      expect(await handleMessage(request, own())).toBeDefined();
      expect(applySiteEffects).not.toHaveBeenCalled();
      expect(badge).not.toHaveBeenCalled();
      expect(alarm).not.toHaveBeenCalled();
      expect(await everything()).toBe(before);
    });
  }

  test('status during family time says so, read from storage', async () => {
    await familyTimeWithSlack();
    const status = (await handleMessage({ type: 'status' }, own())) as { active: { label: string }[] };
    expect(status.active.map((o) => o.label)).toEqual(['Dinner']);
  });

  test('settings in an older format are read, not rewritten, by a read', async () => {
    const first = { windows: [{ id: 'late', label: 'Late shift off', kind: 'custom', days: [3], start: '22:00', end: '06:30' }] };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: first });
    const status = (await handleMessage({ type: 'status' }, own())) as { next: { label: string } };
    expect(status.next.label).toBe('Late shift off');
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(first);
  });
});

describe("a work tab's hello", () => {
  async function workTab(muted = false) {
    const tab = await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
    if (muted) await fakeBrowser.tabs.update(tab.id!, { mutedInfo: { muted: true, reason: 'user' } } as object);
    return { id: fakeBrowser.runtime.id, url: 'https://app.slack.com/client', frameId: 0, tab: { ...tab, url: 'https://app.slack.com/client' } };
  }

  test('mutes that tab alone and answers its plan, with no apply', async () => {
    await familyTimeWithSlack();
    const sender = await workTab();
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const plan = (await handleMessage({ type: 'hello' }, sender)) as TabPlan;
    expect(plan).toMatchObject({ siteId: 'slack', mode: 'dim', name: 'Slack' });
    expect(update.mock.calls).toEqual([[sender.tab.id, { muted: true }]]);
    expect((await fakeBrowser.storage.session.get('mutedByHearth')).mutedByHearth).toEqual([sender.tab.id]);
    expect(applySiteEffects).not.toHaveBeenCalled();
    // A second page in the same tab: already Hearth's, nothing more.
    await handleMessage({ type: 'hello' }, sender);
    expect(update).toHaveBeenCalledTimes(1);
  });

  describe('gone (its page went)', () => {
    const goneTo = async (next: ((id: number) => Promise<unknown>) | null, from?: string) => {
      await familyTimeWithSlack();
      const tab = await workTab();
      const sender = from ? { ...tab, url: from } : tab;
      vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
      vi.setSystemTime(DINNER);
      const answered = handleMessage({ type: 'gone' }, sender);
      await vi.advanceTimersByTimeAsync(150);
      await next?.(sender.tab.id!);
      await vi.advanceTimersByTimeAsync(7000);
      expect(await answered).toBeNull();
    };

    test('to a page of no work site: the tab is looked at until it shows it, and what should be is applied (its mute let go)', async () => {
      await goneTo((id) => fakeBrowser.tabs.update(id, { url: 'https://cartoons.example/' }));
      expect(applySiteEffects).toHaveBeenCalledTimes(1);
    });

    test('to a page Hearth has no access to (no address given): applied too', async () => {
      await goneTo((id) => fakeBrowser.tabs.update(id, { url: undefined } as object));
      expect(applySiteEffects).toHaveBeenCalledTimes(1);
    });

    test('from a blank popup a work page made (never muted by Hearth): nothing applied', async () => {
      await goneTo((id) => fakeBrowser.tabs.update(id, { url: 'https://cartoons.example/' }), 'about:blank');
      expect(applySiteEffects).not.toHaveBeenCalled();
    });

    for (const [what, next] of [
      ['reloaded (the same address all along)', null],
      ['to another work page (which says hello itself)', (id: number) => fakeBrowser.tabs.update(id, { url: 'https://app.slack.com/other' })],
      // (As the browser answers for a tab closed; the fake's own remove mistakes it for a window.)
      ['closed', async () => vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id'))],
    ] as const) {
      test(`${what}: nothing applied`, async () => {
        await goneTo(next);
        expect(applySiteEffects).not.toHaveBeenCalled();
      });
    }
  });

  test('tabs asking together (tucked tabs waking at the end) share one read of storage', async () => {
    await familyTimeWithSlack();
    const senders = await Promise.all([workTab(), workTab(), workTab()]);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const plans = (await Promise.all(senders.map((s) => handleMessage({ type: 'hello' }, s)))) as TabPlan[];
    expect(plans.map((p) => p.siteId)).toEqual(['slack', 'slack', 'slack']);
    expect(get).toHaveBeenCalledTimes(1);
    // Asked again later: read again (nothing is kept in the worker).
    await handleMessage({ type: 'hello' }, senders[0]!);
    expect(get).toHaveBeenCalledTimes(2);
  });

  test("leaves the parent's own mute as theirs", async () => {
    await familyTimeWithSlack();
    const sender = await workTab(true);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await handleMessage({ type: 'hello' }, sender);
    expect(update).not.toHaveBeenCalled();
    expect((await fakeBrowser.storage.session.get('mutedByHearth')).mutedByHearth).toBeUndefined();
  });

  test('from a page Hearth can no longer reach (host access taken back), answers no plan and mutes nothing', async () => {
    await familyTimeWithSlack();
    const sender = await workTab();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    expect(await handleMessage({ type: 'hello' }, sender)).toBeNull();
    expect(contains).toHaveBeenCalledWith({ origins: ['https://app.slack.com/*'] });
    expect(update).not.toHaveBeenCalled();
    expect(applySiteEffects).not.toHaveBeenCalled();
  });

  test("a frame asks for its own address and its tab's, and never mutes the tab", async () => {
    await familyTimeWithSlack();
    const { tab, ...top } = await workTab();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains');
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    // A Slack frame in a page Hearth can reach.
    const frame = { ...top, frameId: 2, url: 'https://app.slack.com/embed', tab: { ...tab, url: 'https://intranet.example/home' } };
    expect(await handleMessage({ type: 'hello' }, frame)).toMatchObject({ siteId: 'slack' });
    expect(contains).toHaveBeenLastCalledWith({ origins: ['https://app.slack.com/*', 'https://intranet.example/*'] });
    expect(update).not.toHaveBeenCalled();
    // The page's access taken back: the end of family time could not reach the frame, so it goes back now.
    contains.mockImplementation(async ({ origins }) => !origins?.includes('https://intranet.example/*'));
    expect(await handleMessage({ type: 'hello' }, frame)).toBeNull();
    // A blank frame speaks for its tab.
    expect(await handleMessage({ type: 'hello' }, { ...top, frameId: 3, url: 'about:blank', tab: { ...tab, url: 'https://app.slack.com/client' } })).toMatchObject({
      siteId: 'slack',
    });
    expect(contains).toHaveBeenLastCalledWith({ origins: ['https://app.slack.com/*'] });
    // Firefox leaves out the address of a tab Hearth has no access to: the end could not reach the frame.
    expect(await handleMessage({ type: 'hello' }, { ...frame, tab: { ...tab, url: undefined } })).toBeNull();
  });

  test('a popup a work page opened (about:blank, its own tab) speaks for the origin that made it', async () => {
    await familyTimeWithSlack();
    const { tab, ...top } = await workTab();
    const popup = { ...top, url: 'about:blank', origin: 'https://app.slack.com', tab: { ...tab, url: undefined } };
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    expect(await handleMessage({ type: 'hello' }, popup)).toMatchObject({ siteId: 'slack' });
    // Not muted: Hearth finds work tabs by address, and would let it go at the next reconcile.
    expect(update).not.toHaveBeenCalled();
    // With no origin given (an older browser), its tab's address, which names no work site.
    const { origin: _, ...noOrigin } = popup;
    expect(await handleMessage({ type: 'hello' }, noOrigin)).toBeNull();
  });

  test('sent just as its tab went on to another host (a sign-in page), mutes nothing', async () => {
    await familyTimeWithSlack();
    const { tab, ...sender } = await workTab();
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await handleMessage({ type: 'hello' }, { ...sender, tab: { ...tab, url: 'https://login.example/sso' } });
    expect(update).not.toHaveBeenCalled();
  });

  test('from a tab whose scripts outlived family time (an apply cut short), repairs', async () => {
    await familyTimeWithSlack();
    const sender = await workTab();
    await fakeBrowser.storage.session.remove('settled');
    vi.setSystemTime(new Date(2026, 10, 25, 23, 0).getTime());
    expect(await handleMessage({ type: 'hello' }, sender)).toBeNull();
    expect(applySiteEffects).toHaveBeenCalledTimes(1);
  });
});

describe('a worker waking', () => {
  test('reads storage and applies nothing when the last apply finished and nothing changed', async () => {
    await familyTimeWithSlack();
    await repairIfUnsettled(() => DINNER + 60_000);
    expect(applySiteEffects).not.toHaveBeenCalled();
  });

  test('for an alarm, applies once: not again when the waking repair already applied what came due', async () => {
    await familyTimeWithSlack();
    const end = new Date(2026, 10, 25, 23, 0).getTime();
    // Started by the end's alarm: the repair finds the end passed and applies it.
    await repairIfUnsettled(() => end + 40);
    await reconcileForAlarm(end, () => end + 60);
    expect(applySiteEffects).toHaveBeenCalledTimes(1);
    // An alarm due after that apply read the clock (a worker kept running) applies.
    await reconcileForAlarm(end + 1000, () => end + 1000);
    expect(applySiteEffects).toHaveBeenCalledTimes(2);
  });

  test('applies again when the last apply was cut short', async () => {
    await familyTimeWithSlack();
    await fakeBrowser.storage.session.remove('settled');
    await repairIfUnsettled(() => DINNER + 60_000);
    expect(applySiteEffects).toHaveBeenCalledTimes(1);
  });

  test('woken a few seconds before the end (dinner, then bedtime until 20:30): the end is readied, the sites still quiet', async () => {
    await familyTimeWithSlack();
    const end = new Date(2026, 10, 25, 20, 30).getTime();
    await repairIfUnsettled(() => end - 3000);
    expect(applySiteEffects).toHaveBeenCalledWith([expect.objectContaining({ mode: 'dim' })], { from: null, until: end }, expect.objectContaining({ ending: true }));
  });

  test('applies again when the clock passed an end while it slept', async () => {
    await familyTimeWithSlack();
    await repairIfUnsettled(() => new Date(2026, 10, 25, 23, 0).getTime());
    expect(applySiteEffects).toHaveBeenCalledWith([], { from: null, until: null }, { wayThroughMinutes: expect.any(Number), letThrough: [], ending: false });
  });

  test('an effect that failed leaves the state unsettled, so the next wake-up tries again', async () => {
    await familyTimeWithSlack();
    vi.mocked(applySiteEffects).mockRejectedValueOnce(new Error('a tab closed mid-way'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await reconcileSoon(() => DINNER + 1_000);
    await repairIfUnsettled(() => DINNER + 2_000);
    expect(applySiteEffects).toHaveBeenCalledTimes(2);
  });
});
