// The organisation's policy in the worker. The browser gives it in storage.managed, which
// Chromium, with a managed-storage schema in the manifest, answers only once it has loaded
// extensions' policies: work it leaves until it is idle after starting, so seconds after a
// fresh start, and for as long as a busy browser keeps it busy (measured: 2.5 s idle, over
// 20 s with an extension page opening ten times a second). So nothing waits on it when a
// page asks: the policy is read when it can have changed (install, browser start, the
// browser's own change event, which also comes when Chromium first loads it) and a copy
// is kept in storage.local, which every read uses (and whose change reconciles, as a
// change of settings does).
import { browser } from './ext';
import { readPolicy, type Policy } from '../core/policy';
import { sameValue } from './sync';

export const POLICY_KEY = 'policy';

/** The organisation's policy as last read from the browser: a read of storage.local, never of the policy itself. */
export async function loadPolicy(): Promise<Policy> {
  const { [POLICY_KEY]: raw } = await browser.storage.local.get(POLICY_KEY);
  return readPolicy(raw);
}

/**
 * Takes the browser's policy for Hearth into the copy, when it differs. No policy, or a
 * browser that has none to give (Firefox says so with an error), is no policy.
 */
export async function adoptPolicy(): Promise<void> {
  const raw = await browser.storage.managed.get(null).catch(() => ({}));
  const { [POLICY_KEY]: kept } = await browser.storage.local.get(POLICY_KEY);
  if (sameValue(kept ?? {}, raw ?? {})) return;
  if (raw && Object.keys(raw).length > 0) await browser.storage.local.set({ [POLICY_KEY]: raw });
  else await browser.storage.local.remove(POLICY_KEY);
}
