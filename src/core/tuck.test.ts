import { describe, expect, it } from 'vitest';
import { holdersOf, isEmptyRecord, isTuckRecord, refind, returnOrder, type TabNow, type TuckedTab, type TuckRecord } from './tuck';

const tucked = (tabId: number, url: string, index: number, more: Partial<TuckedTab> = {}): TuckedTab => ({
  tabId,
  siteId: 'chat',
  url,
  index,
  pinned: false,
  group: null,
  state: 'tucked',
  ...more,
});
const now = (id: number, windowId: number, url: string, groupId = -1, hidden = false): TabNow => ({ id, windowId, url, groupId, hidden });

describe('giving tabs back', () => {
  it('goes from the left, so each lands between the neighbours it had', () => {
    const tabs = [tucked(3, 'c', 5), tucked(1, 'a', 0), tucked(2, 'b', 2)];
    expect(returnOrder(tabs).map((t) => t.index)).toEqual([0, 2, 5]);
    expect(tabs.map((t) => t.tabId)).toEqual([3, 1, 2]);
  });
});

describe('the record', () => {
  it('is known by its shape, and empty when nothing is tucked or waiting', () => {
    expect(isTuckRecord({ sites: [], windows: [], waiting: [] })).toBe(true);
    expect(isTuckRecord({ sites: [] })).toBe(false);
    expect(isTuckRecord(null)).toBe(false);
    expect(isEmptyRecord({ sites: [], windows: [{ windowId: 1, groupId: 2, tabs: [] }], waiting: [] })).toBe(true);
    expect(isEmptyRecord({ sites: ['chat'], windows: [], waiting: [] })).toBe(false);
  });
});

describe('tucked tabs found again after the browser restarted (every id new)', () => {
  const record: TuckRecord = {
    sites: ['chat'],
    windows: [
      { windowId: 1, groupId: 10, tabs: [tucked(101, 'https://chat/a', 1, { pinned: true }), tucked(102, 'https://chat/b', 3)] },
      { windowId: 2, groupId: 20, tabs: [tucked(201, 'https://chat/c', 0), tucked(202, 'https://chat/c', 2)] },
    ],
    waiting: [{ tabId: 103, siteId: 'chat' }],
  };

  it('by the addresses in each group, whatever the windows are called now, keeping where each tab was', () => {
    const tabs = [
      now(7, 70, 'https://chat/c', 700),
      now(8, 70, 'https://chat/c', 700),
      now(9, 80, 'https://chat/b', 800),
      now(5, 80, 'https://chat/a', 800),
      now(6, 80, 'https://other/x'),
    ];
    const { record: found, unfound } = refind(record, holdersOf(tabs, 'group'));
    expect(unfound).toEqual([]);
    expect(found.windows).toEqual([
      { windowId: 80, groupId: 800, tabs: [{ ...record.windows[0]!.tabs[0]!, tabId: 5 }, { ...record.windows[0]!.tabs[1]!, tabId: 9 }] },
      { windowId: 70, groupId: 700, tabs: [{ ...record.windows[1]!.tabs[0]!, tabId: 7 }, { ...record.windows[1]!.tabs[1]!, tabId: 8 }] },
    ]);
    // A tab that was in front was never tucked: after a restart it is simply the parent's.
    expect(found.waiting).toEqual([]);
    expect(found.sites).toEqual(['chat']);
  });

  it("by each window's hidden tabs on Firefox", () => {
    const tabs = [now(5, 80, 'https://chat/a', -1, true), now(9, 80, 'https://chat/b', -1, true), now(7, 70, 'https://chat/c', -1, true)];
    const { record: found, unfound } = refind(record, holdersOf(tabs, 'hidden'));
    expect(found.windows.map((w) => [w.windowId, w.groupId, w.tabs.map((t) => t.tabId)])).toEqual([
      [80, null, [5, 9]],
      [70, null, [7]],
    ]);
    expect(unfound).toEqual([]);
  });

  it('a group the parent renamed is found all the same; a tab closed meanwhile is gone from it', () => {
    const tabs = [now(5, 80, 'https://chat/a', 800), now(7, 70, 'https://chat/c', 700), now(8, 70, 'https://chat/c', 700)];
    const { record: found } = refind(record, holdersOf(tabs, 'group'));
    expect(found.windows[1]!.tabs.map((t) => t.url)).toEqual(['https://chat/a']);
  });

  it('a window not restored yet is told apart, to be looked for again', () => {
    const tabs = [now(7, 70, 'https://chat/c', 700), now(8, 70, 'https://chat/c', 700)];
    const { record: found, unfound } = refind(record, holdersOf(tabs, 'group'));
    expect(found.windows.map((w) => w.windowId)).toEqual([70]);
    expect(unfound).toEqual([record.windows[0]]);
  });

  it('two windows never claim one group: the better match takes it', () => {
    const tabs = [now(7, 70, 'https://chat/c', 700), now(8, 70, 'https://chat/c', 700), now(5, 70, 'https://chat/a', 700)];
    const { record: found, unfound } = refind(record, holdersOf(tabs, 'group'));
    expect(found.windows).toHaveLength(1);
    expect(found.windows[0]!.tabs.map((t) => t.tabId)).toEqual([7, 8]);
    expect(unfound).toEqual([record.windows[0]]);
  });
});
