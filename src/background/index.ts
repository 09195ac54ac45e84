// Hearth's service worker. Every listener is registered synchronously at top
// level (MV3 may start the worker for any of these events). Events that change what
// should be (install, startup, alarm, settings, host access) end in the same idempotent
// reconcile; reads (messages asking where the parent stands) apply nothing.
import { browser } from './ext';
import { WELCOME_BACK_ID } from './enforcers/notices';
import { tellAccessGone } from './enforcers/scripts';
import { handleMessage } from './messaging';
import { openLetThrough } from './letThrough';
import { reconcileForAlarm, reconcileSoon, repairIfUnsettled } from './reconcile';
import { SETTINGS_KEY, adoptFromSync, noteInstalled } from './store';
import { POLICY_KEY, adoptPolicy } from './policy';
import { SYNC_KEY } from './sync';

browser.runtime.onInstalled.addListener(({ reason }) => {
  // A short, skippable welcome on first install only; the defaults are already in force.
  if (reason === 'install') {
    void noteInstalled(Date.now());
    void browser.tabs.create({ url: browser.runtime.getURL('src/ui/onboarding/index.html') });
  }
  void reconcileSoon();
  // The organisation's policy, when there is one (its copy changing reconciles again).
  void adoptPolicy();
});
browser.runtime.onStartup.addListener(() => {
  void reconcileSoon();
  void adoptPolicy();
});
browser.alarms.onAlarm.addListener(({ scheduledTime }) => void reconcileForAlarm(scheduledTime));
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (SETTINGS_KEY in changes || POLICY_KEY in changes)) void reconcileSoon();
  // The browser reloaded its policy while running (Chromium does, every so often and when told).
  if (area === 'managed') void adoptPolicy();
  // A change made on another device arrives through sync; adopting it into local reconciles.
  if (area === 'sync' && SYNC_KEY in changes) void adoptFromSync(changes[SYNC_KEY]?.newValue);
});
browser.runtime.onMessage.addListener(handleMessage);
// Host access given or taken back in the browser's own UI changes what can be quieted.
browser.permissions.onAdded.addListener(() => void reconcileSoon());
browser.permissions.onRemoved.addListener(({ origins }) => {
  void tellAccessGone(origins ?? []);
  void reconcileSoon();
});

// The welcome back opens the page with the parked thoughts; a message let through brings
// its work tab forward; any of Hearth's notices closes when clicked.
browser.notifications.onClicked.addListener((id) => {
  if (id === WELCOME_BACK_ID) void browser.tabs.create({ url: browser.runtime.getURL('src/ui/handoff/index.html') });
  void openLetThrough(id);
  void browser.notifications.clear(id);
});

// A worker woken for any reason repairs what an apply cut short, or what changed while it
// slept (a clock change, sleep through a start or end); otherwise it only reads storage.
void repairIfUnsettled();
