import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import { browser } from './ext';
import { addSite, renameSite } from './siteCommands';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));

const openTabs = (tabs: { url: string; title: string }[]) =>
  vi.spyOn(browser.tabs, 'query').mockImplementation(async () => tabs.map((t, i) => ({ id: i + 1, index: i, highlighted: false, active: false, pinned: false, incognito: false, ...t })));

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

async function start() {
  const settings = defaultSettings();
  settings.sites = [];
  await fakeBrowser.storage.local.set({ settings });
}

describe('a site added by its address is named as a parent would name it', () => {
  test('from the title of one of its open tabs, counts and page names left out', async () => {
    await start();
    openTabs([{ url: 'https://chat.acme.example/c/general', title: '(3) general - Acme Chat' }]);
    const added = await addSite('chat.acme.example', 'quiet');
    expect(added.ok && added.sites.map((s) => s.name)).toEqual(['Acme Chat']);
  });

  test('by its address when no tab of it is open, and a preset by its own name', async () => {
    await start();
    openTabs([]);
    await addSite('intranet.acme.example', 'quiet');
    openTabs([{ url: 'https://app.slack.com/client', title: '* general (Channel) - Acme - Slack' }]);
    const added = await addSite('app.slack.com', 'quiet');
    expect(added.ok && added.sites.map((s) => s.name)).toEqual(['intranet.acme.example', 'Slack']);
  });

  test('the parent can rename it, and an empty name gives the default back', async () => {
    await start();
    openTabs([]);
    const added = await addSite('127.0.0.1', 'dim');
    const id = added.ok ? added.sites[0]!.site.id : '';
    expect((await renameSite(id, '  School office chat  ')).sites[0]!.name).toBe('School office chat');
    const back = await renameSite(id, ' ');
    expect(back.sites[0]!.name).toBe('127.0.0.1');
    expect(back.sites[0]!.site).not.toHaveProperty('name');
  });
});
