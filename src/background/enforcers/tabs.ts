// Per-tab browser calls that must never hold up a reconcile: a frozen or
// discarded tab may leave executeScript or sendMessage unanswered for good.
import type { Tabs } from '../ext';

const TAB_CALL_LIMIT_MS = 2000;

/** Settles with the call's answer, or undefined after the limit or on an error. */
export function settle<T>(call: Promise<T>, ms = TAB_CALL_LIMIT_MS): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    call.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** A tab whose page is running now (not discarded, not frozen by the browser's memory saver). */
export const isLive = (tab: Tabs.Tab): boolean => !tab.discarded && !(tab as { frozen?: boolean }).frozen;
