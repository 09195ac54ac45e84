// Hearth's service worker. Every listener is registered synchronously at top
// level (MV3 may start the worker for any of these events); each one ends in
// the same idempotent reconcile.
import browser from 'webextension-polyfill';
import { handleMessage } from './messaging';
import { reconcileSoon } from './reconcile';
import { SETTINGS_KEY } from './store';

browser.runtime.onInstalled.addListener(() => void reconcileSoon());
browser.runtime.onStartup.addListener(() => void reconcileSoon());
browser.alarms.onAlarm.addListener(() => void reconcileSoon());
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) void reconcileSoon();
});
browser.runtime.onMessage.addListener(handleMessage);
// Host access given or taken back in the browser's own UI changes what can be quieted.
browser.permissions.onAdded.addListener(() => void reconcileSoon());
browser.permissions.onRemoved.addListener(() => void reconcileSoon());

// A worker woken for any reason repairs the state first (e.g. after sleep or a clock change).
void reconcileSoon();
