// Messages are a trust line. Whatever arrives from whichever sender, the worker's
// listener never throws and never rejects (no request has a deliberate error answer:
// any rejection is a crash); only Hearth's own pages may change the parent's settings;
// and a sender that is not Hearth at all (another extension, no id) gets no answer and
// changes nothing. Written to those principles, not to today's list of who may ask
// what, so it holds while that list changes. 10,000 messages, seed printed; the clock
// is fixed, so a seed replays the same run.
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FC_SEED, PROPERTY_TIMEOUT, checkAsyncProperty } from '../../tests/unit/fuzz';
import { anyText, hostileValue, storedStates, validSettings } from '../../tests/unit/hostile';
import { AGE_RANGES, PROMPT_KINDS } from '../core/prompts';
import { SITE_MODES, type Settings } from '../core/settings/schema';
import { defaultSettings } from '../core/settings/defaults';
import { parseSettings } from '../core/settings/parse';
import { ContentReportSchema, RequestSchema } from '../messages';
import { handleMessage } from './messaging';
import { SETTINGS_KEY } from './store';

// Work-site effects drive browser APIs the fake browser lacks (as in messaging.test.ts).
vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));

const OWN_ID = fakeBrowser.runtime.id;
const own = (path: string) => fakeBrowser.runtime.getURL(path);
const OWN_PAGES = ['popup', 'options', 'onboarding', 'reflection', 'handoff', 'calm'].map((p) => own(`src/ui/${p}/index.html`));
const SLACK = 'https://app.slack.com/client/T1';
const WEB_URLS = [
  SLACK,
  'https://mail.google.com/mail/u/0/',
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'about:blank',
  'data:text/html,<p>hi',
  'blob:https://evil.example/5f1d',
  'file:///home/parent/page.html',
  'chrome://settings/',
  // Never seen from a browser, but nothing may throw on them.
  '',
  'not a url',
];

// ---------------------------------------------------------------------------
// Senders
// ---------------------------------------------------------------------------

type Kind = 'own page' | 'own page framed in a web tab' | 'own content script' | 'another extension' | 'no extension id' | 'own id, no url';

const tab = (url: string | undefined, id = 7): Tabs.Tab => ({
  id,
  index: 0,
  highlighted: false,
  active: true,
  pinned: false,
  incognito: false,
  ...(url === undefined ? {} : { url }),
});

// (Built from pieces rather than with fc.webUrl, which takes a second to make.)
const webUrl = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WEB_URLS) },
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'wss://'),
      fc.constantFrom('app.slack.com', 'slack.com', 'app.slack.com.evil.example', 'xn--80ak6aa92e.com', 'mail.google.com:8443', '127.0.0.1', '[::1]', 'user:pw@app.slack.com'),
      fc.constantFrom('', '/', '/client/T1', '/?q=%00#frag', '/../../etc'),
    )
    .map((parts) => parts.join('')),
);
/** A tab's url as the sender shows it: absent when Hearth has no access to the site. */
const tabUrl = fc.option(webUrl, { nil: undefined, freq: 4 });

const senders: fc.Arbitrary<{ kind: Kind; sender: Runtime.MessageSender }> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...OWN_PAGES), fc.boolean())
    // The popup has no tab; the options and onboarding pages open in one of their own.
    .map(([url, inTab]) => ({ kind: 'own page' as const, sender: { id: OWN_ID, url, ...(inTab ? { tab: tab(url), frameId: 0 } : {}) } })),
  fc.tuple(tabUrl, fc.integer({ min: 1, max: 40 })).map(([top, frameId]) => ({
    kind: 'own page framed in a web tab' as const,
    sender: { id: OWN_ID, url: own('src/ui/calm/index.html?mode=dim&site=slack'), tab: tab(top), frameId },
  })),
  fc.tuple(webUrl, fc.nat({ max: 3 })).map(([url, frameId]) => ({
    kind: 'own content script' as const,
    sender: { id: OWN_ID, url, tab: tab(url), frameId },
  })),
  fc
    .tuple(fc.constantFrom('abcdefghijklmnopabcdefghijklmnop', 'other@example.org', OWN_ID.toUpperCase(), ' '), fc.oneof(webUrl, fc.constantFrom(...OWN_PAGES)), fc.boolean())
    .map(([id, url, inTab]) => ({
      kind: 'another extension' as const,
      // Its own page, or claiming one of Hearth's (a sender's url is not proof).
      sender: { id, url: url.startsWith('chrome-extension://') ? url : `chrome-extension://${id}/page.html`, ...(inTab ? { tab: tab(url) } : {}) },
    })),
  fc.tuple(fc.option(fc.oneof(webUrl, fc.constantFrom(...OWN_PAGES)), { nil: undefined }), fc.boolean(), fc.constantFrom(undefined, '')).map(([url, inTab, id]) => ({
    kind: 'no extension id' as const,
    sender: { ...(id === undefined ? {} : { id }), ...(url === undefined ? {} : { url }), ...(inTab ? { tab: tab(url) } : {}) },
  })),
  fc.tuple(fc.boolean(), tabUrl).map(([inTab, top]) => ({
    kind: 'own id, no url' as const,
    sender: { id: OWN_ID, ...(inTab ? { tab: tab(top) } : {}) },
  })),
);

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

const REQUEST_TYPES = RequestSchema.options.map((o) => o.entries.type.literal);
const REPORT_TYPES = ContentReportSchema.options.map((o) => o.entries.type.literal);
const someId = fc.oneof(fc.constantFrom('slack', 'mail', 'dinner', 's', ''), anyText(8));

/** Each request type with fields of the right type. */
const validRequest = fc.oneof(
  fc.constantFrom(...[...REQUEST_TYPES, ...REPORT_TYPES].map((type) => ({ type }))),
  fc.record({ type: fc.constant('startFocus'), minutes: fc.integer({ min: 1, max: 720 }) }),
  fc.record({ type: fc.constant('addSite'), pattern: fc.oneof(fc.constantFrom('app.slack.com', '*.com', 'slack'), anyText(30)), mode: fc.constantFrom(...SITE_MODES) }),
  fc.record({ type: fc.constantFrom('removeSite'), id: someId }),
  fc.record({ type: fc.constant('setSiteMode'), id: someId, mode: fc.constantFrom(...SITE_MODES) }),
  fc.record({ type: fc.constant('setSiteTuck'), id: someId, tuck: fc.boolean() }, { requiredKeys: ['type', 'tuck'] }),
  fc.record({ type: fc.constantFrom('calm', 'wayThrough'), siteId: someId, address: webUrl }, { requiredKeys: ['type', 'siteId'] }),
  fc.record({ type: fc.constant('prompt'), kind: fc.constantFrom(...PROMPT_KINDS) }),
  fc.record({ type: fc.constant('promptAction'), id: someId, action: fc.constantFrom('favourite', 'unfavourite', 'hide') }),
  fc.record({ type: fc.constant('addPrompt'), text: anyText(40, 1), kind: fc.constantFrom(...PROMPT_KINDS) }),
  fc.record({ type: fc.constant('parkThought'), text: anyText(40, 1) }),
  fc.record({ type: fc.constant('thoughtAction'), id: someId, action: fc.constantFrom('done', 'clear') }),
  fc.record({ type: fc.constant('saveSchedule'), schedule: fc.oneof(validSettings.map((s) => s.schedule), hostileValue) }),
  fc.record({ type: fc.constant('savePreferences'), preferences: fc.oneof(fc.constant({ handoff: false }), hostileValue) }),
  fc.record({ type: fc.constant('saveChildAges'), ages: fc.oneof(fc.subarray([...AGE_RANGES]), hostileValue) }),
  fc.record({ type: fc.constant('skip'), windowId: someId, date: fc.constantFrom('2026-11-25', '2025-02-30', 'soon'), skipped: fc.boolean() }),
  fc.record({ type: fc.constant('importSettings'), settings: fc.oneof(validSettings, hostileValue) }),
  fc.record({ type: fc.constant('saveWeeklyChoice'), choice: fc.oneof(validSettings.map((s) => s.weeklyChoice), hostileValue) }),
  fc.record(
    {
      type: fc.constant('chooseMoments'),
      week: fc.constantFrom('2026-11-22', '2026-11-29', 'this week'),
      moments: fc.array(fc.oneof(fc.record({ windowId: someId, date: fc.constantFrom('2026-11-25', '2025-02-30') }), fc.record({ blockId: someId })), { maxLength: 3 }),
      fresh: fc.record({ label: anyText(20), date: fc.constantFrom('2026-11-25', 'soon'), from: fc.constantFrom('18:00', '25:00', ''), until: fc.constantFrom('19:00', '') }),
    },
    { requiredKeys: ['type', 'week', 'moments'] },
  ),
  fc.record({ type: fc.constant('held'), count: fc.integer({ min: 1, max: 100 }) }),
);

/** Requests and reports with any field of any type, or missing. */
const wrongFields = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...REQUEST_TYPES, ...REPORT_TYPES, 'format-disk', '__proto__', 'constructor'), hostileValue),
    minutes: hostileValue,
    pattern: hostileValue,
    mode: hostileValue,
    id: hostileValue,
    siteId: hostileValue,
    address: hostileValue,
    kind: hostileValue,
    action: hostileValue,
    text: hostileValue,
    schedule: hostileValue,
    preferences: hostileValue,
    settings: hostileValue,
    windowId: hostileValue,
    date: hostileValue,
    skipped: hostileValue,
    count: hostileValue,
    choice: hostileValue,
    week: hostileValue,
    moments: hostileValue,
    fresh: hostileValue,
    tuck: hostileValue,
  },
  { requiredKeys: ['type'] },
);

const messages = fc.oneof({ weight: 2, arbitrary: validRequest }, wrongFields, fc.anything(), hostileValue);

// ---------------------------------------------------------------------------
// Stored state
// ---------------------------------------------------------------------------

/** Family time on all day every day, with two listed work sites. */
function alwaysOn(): Settings {
  const settings = defaultSettings();
  settings.schedule.windows = [
    { id: 'all', label: 'All day', kind: 'custom', days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00', endDayOffset: 1, paused: false },
  ];
  settings.sites = [
    { id: 'slack', pattern: 'app.slack.com', mode: 'dim' },
    { id: 'mail', pattern: 'mail.google.com', mode: 'set-aside', tuck: true },
  ];
  return settings;
}

/**
 * Stored settings: family time on or off, and some drawn once with the seed (readable,
 * spoilt, from a newer Hearth). Older formats are left out: any read, a work tab's
 * hello included, writes them back once in today's format, with the same meaning.
 */
const storedBefore = fc.constantFrom(
  alwaysOn(),
  { ...alwaysOn(), schedule: { ...alwaysOn().schedule, windows: [] } },
  ...storedStates(FC_SEED, 40).filter((raw) => parseSettings(raw).migratedFrom === null),
);

const { local, sync, session } = fakeBrowser.storage;
const settingsNow = async () => JSON.stringify([(await local.get(SETTINGS_KEY))[SETTINGS_KEY], await sync.get(null)]);
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join();
const everything = async () => JSON.stringify([await local.get(null), await sync.get(null), await session.get(null)]);

describe('handleMessage with any message from any sender', () => {
  // Wednesday 25 November 2026, 18:30 in New York: the usual dinner is on. Date.now
  // only: faking Date itself slows every date the schedule makes.
  const savedTz = process.env.TZ;
  let clock: { mockRestore(): void } | undefined;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
    clock = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 25, 23, 30));
  });
  afterAll(() => {
    clock?.mockRestore();
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it(
    'never throws or rejects; only own pages change settings; a sender that is not Hearth gets nothing',
    async () => {
      const seen = new Map<Kind, { runs: number; answered: number }>();
      const prototypeBefore = prototypeKeys();
      await checkAsyncProperty(
        'messages from every sender',
        fc.asyncProperty(senders, messages, storedBefore, async ({ kind, sender }, message, stored) => {
          fakeBrowser.reset();
          // Host access held, so a work tab's hello reaches its plan, mute and repair.
          vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
          globalThis.indexedDB = new IDBFactory();
          if (stored !== undefined) {
            await local.set({ [SETTINGS_KEY]: stored });
            await sync.set({ [SETTINGS_KEY]: stored });
          }
          const settingsBefore = await settingsNow();
          const everythingBefore = await everything();

          // A throw here fails the property with its input; so does a rejection below.
          const reply = handleMessage(message, sender);
          const tally = seen.get(kind) ?? { runs: 0, answered: 0 };
          seen.set(kind, { runs: tally.runs + 1, answered: tally.answered + (reply === undefined ? 0 : 1) });
          if (reply !== undefined && !(reply instanceof Promise)) expect.fail(`answered with ${typeof reply}, not a promise`);
          await reply;

          if (kind === 'another extension' || kind === 'no extension id') {
            if (reply !== undefined) expect.fail(`${kind} got an answer`);
            if ((await everything()) !== everythingBefore) expect.fail(`${kind} changed what was stored`);
          }
          if (kind !== 'own page' && (await settingsNow()) !== settingsBefore) {
            expect.fail(`${kind} changed the settings with ${JSON.stringify(message)?.slice(0, 200)}`);
          }
          // Keys like "__proto__" in a message stay data.
          if (prototypeKeys() !== prototypeBefore || 'polluted' in {}) expect.fail('Object.prototype changed');
        }),
      );
      // Every kind of sender was tried many times, and own pages were answered.
      for (const [, { runs }] of seen) expect(runs).toBeGreaterThan(1000);
      expect(seen.get('own page')!.answered).toBeGreaterThan(500);
    },
    PROPERTY_TIMEOUT,
  );
});
