// The worker's one way to the browser (as uBlock Origin Lite's ext.js): every browser
// call in src/background goes through this module, so unit tests swap one fake (the fake
// browser stands in for webextension-polyfill), and what only one engine has is named
// here once, answering "not here" elsewhere. A convention test keeps it the only one.
import polyfill from 'webextension-polyfill';

// One binding of its own: re-exported as is, every use in the bundle reads `x.default.…`.
export const browser: typeof polyfill = polyfill;
export type { Runtime, Scripting, Tabs } from 'webextension-polyfill';

type ChromeOnly = {
  contentSettings?: typeof chrome.contentSettings;
  tabGroups?: typeof chrome.tabGroups;
  notifications?: { getPermissionLevel?: () => Promise<string> };
};
const chromeOnly = (): ChromeOnly | undefined => (globalThis as { chrome?: ChromeOnly }).chrome;

/** Chromium's per-site content settings (notifications); undefined on Firefox. */
export const contentSettings = (): typeof chrome.contentSettings | undefined => chromeOnly()?.contentSettings;

/** Firefox (tabs are tucked away by hiding them there), else a Chromium browser (by a tab group). */
export const isFirefox = (): boolean => browser.runtime.getURL('').startsWith('moz-extension:');

/** Chromium's tab groups, with the optional permission granted; undefined otherwise (and on Firefox). */
export const tabGroups = (): typeof chrome.tabGroups | undefined => (isFirefox() ? undefined : chromeOnly()?.tabGroups);
export type GroupColor = `${chrome.tabGroups.Color}`;

/** Whether the parent let Hearth notify: Chromium says so; Firefox simply doesn't show them. */
export async function mayNotify(): Promise<boolean> {
  const api = chromeOnly()?.notifications;
  if (!api?.getPermissionLevel) return true;
  return (await api.getPermissionLevel().catch(() => 'granted')) !== 'denied';
}
