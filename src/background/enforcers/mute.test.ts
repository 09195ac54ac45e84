// The mute enforcer's diffing: work tabs muted during family time, and at its end only
// the tabs Hearth muted, and still muted by Hearth, unmuted. The parent's own mutes stay.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { coveredBy } from '../../../tests/unit/matchPattern';
import { applyMute, muteTab } from './mute';

const WORK = ['*://app.slack.com/*'];
type Muted = { muted: boolean; reason?: string; extensionId?: string };

beforeEach(() => {
  // The fake browser matches urls exactly and knows no mutedInfo; the browser reads match
  // patterns and says who muted a tab.
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, muted, ...rest }) => {
    const patterns = url === undefined ? null : [url].flat();
    return (await query(rest)).filter(
      (t) =>
        (!patterns || patterns.some((p) => coveredBy(t.url ?? '', p))) &&
        (muted === undefined || (t.mutedInfo as Muted | undefined)?.muted === muted),
    );
  });
  const update = fakeBrowser.tabs.update.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation(async (id, info) =>
    update(id as number, 'muted' in (info as object) ? { mutedInfo: mutedBy('extension', (info as { muted: boolean }).muted) } as object : info!),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
});

function mutedBy(reason: 'user' | 'extension', muted = true): Muted {
  return reason === 'user' ? { muted, reason: 'user' } : { muted, reason: 'extension', extensionId: fakeBrowser.runtime.id };
}
async function tab(url: string, mutedInfo?: Muted): Promise<number> {
  const { id } = await fakeBrowser.tabs.create({ url });
  if (mutedInfo) await fakeBrowser.tabs.update(id!, { mutedInfo } as object);
  return id!;
}
const mutedNow = async (id: number) => ((await fakeBrowser.tabs.get(id)).mutedInfo as Muted | undefined)?.muted ?? false;
const updates = () => vi.mocked(fakeBrowser.tabs.update).mock.calls.filter(([, info]) => 'muted' in (info as object));

describe('applyMute', () => {
  test('mutes the work tabs only, and on a second run changes nothing', async () => {
    const work = await tab('https://app.slack.com/client');
    const other = await tab('https://example.com/');
    await applyMute(WORK);
    expect([await mutedNow(work), await mutedNow(other)]).toEqual([true, false]);
    const before = updates().length;
    await applyMute(WORK);
    expect(updates().length).toBe(before);
  });

  test("at the end, unmutes only Hearth's mutes; the parent's own mute, before or during, stays", async () => {
    const ours = await tab('https://app.slack.com/a');
    const parents = await tab('https://app.slack.com/b', mutedBy('user'));
    await applyMute(WORK);
    const mutedDuring = await tab('https://app.slack.com/c');
    await applyMute(WORK);
    await fakeBrowser.tabs.update(mutedDuring, { mutedInfo: mutedBy('user') } as object);
    await applyMute([]);
    expect([await mutedNow(ours), await mutedNow(parents), await mutedNow(mutedDuring)]).toEqual([false, true, true]);
  });

  test('a tab the parent unmuted during family time is left as they chose', async () => {
    const work = await tab('https://app.slack.com/client');
    await applyMute(WORK);
    await fakeBrowser.tabs.update(work, { mutedInfo: { muted: false, reason: 'user' } } as object);
    await applyMute(WORK);
    expect(await mutedNow(work)).toBe(false);
  });

  test("a tab muted by Hearth but off the record (an update cleared it) is released at the end", async () => {
    const work = await tab('https://app.slack.com/client', mutedBy('extension'));
    await applyMute([]);
    expect(await mutedNow(work)).toBe(false);
  });
});

describe('muteTab (a work page said hello)', () => {
  test('mutes that tab and records it, once', async () => {
    const work = await tab('https://app.slack.com/client');
    await muteTab(work);
    await muteTab(work);
    expect(await mutedNow(work)).toBe(true);
    expect(updates()).toHaveLength(1);
    // And the end releases it like any other.
    await applyMute([]);
    expect(await mutedNow(work)).toBe(false);
  });

  test("leaves the parent's mute theirs, and a closed tab alone", async () => {
    const parents = await tab('https://app.slack.com/client', mutedBy('user'));
    await muteTab(parents);
    await muteTab(999_999);
    await applyMute([]);
    expect(await mutedNow(parents)).toBe(true);
  });
});
