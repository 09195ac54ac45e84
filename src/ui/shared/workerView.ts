// What the settings pages share: a view of the worker's answer that refreshes in
// turn (answers land in the order asked), and asking for a site's host access.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { serial } from '../../core/serial';
import { originsFor } from '../../core/siteMatching';
import type { Request, ResponseMap } from '../../messages';
import { ask } from './client';

type Viewable = 'sites' | 'settings' | 'letThrough';

export function useWorkerView<T extends Viewable>(type: T) {
  const [view, setView] = useState<ResponseMap[T] | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  // Calls to the worker run one after another, so their answers land in the order asked.
  const [inTurn] = useState(() => serial());

  /** `take`: asked when the answer arrives; false leaves the view as it is (a later change is on its way). */
  const refresh = useCallback(
    (take: () => boolean = () => true) =>
      inTurn(async () => {
        try {
          const answer = (await ask({ type } as Extract<Request, { type: T }>)) as ResponseMap[T];
          if (take()) setView(answer);
          setLoadProblem(false);
        } catch {
          setLoadProblem(true);
        }
      }),
    [inTurn, type],
  );

  return { view, setView, loadProblem, inTurn, refresh };
}

/** Calls `onChange` whenever host access is given or taken back anywhere (a prompt, the browser's own settings). */
export function useAccessChanges(onChange: () => void): void {
  useEffect(() => {
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [onChange]);
}

/**
 * Asks the browser for host access to one site. Call it before any await in a click or
 * submit handler (browsers show the prompt only during the parent's gesture). Resolves
 * with the parent's answer (false when they decline or the browser turns the request
 * down); null when there is nothing to ask for.
 */
export function requestAccess(pattern: string): Promise<boolean> | null {
  const origins = originsFor(pattern);
  if (origins.length === 0) return null;
  try {
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return null;
  }
}

/**
 * Asks the browser for what tucking tabs away needs: `tabGroups` on Chromium, `tabHide` on
 * Firefox. As with host access, call it first in the click that turns tucking on.
 * Resolves with the parent's answer.
 */
export function requestTuck(by: 'group' | 'hide'): Promise<boolean> {
  try {
    return browser.permissions.request({ permissions: [by === 'group' ? 'tabGroups' : 'tabHide'] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
