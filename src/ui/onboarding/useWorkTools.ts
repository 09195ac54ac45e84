// The first step's work tools: which are on the parent's list, and turning one on or off.
//
// Host access is asked for in the very click that turns a tool on: browsers show the
// permission prompt only during the parent's gesture, so the request is the first thing
// the handler does, before any await. The add is sent right after, without waiting for
// the answer: the prompt may stay open as long as the parent likes (in a headless
// browser nobody can answer it at all), and a site without access is still worth
// listing, since Hearth can hold back its notifications anyway. When the answer comes,
// the list is fetched again. Calls to the worker run one after another, so a quick
// on-off-on lands in the order it was pressed.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { originsFor } from '../../core/sites';
import { t } from '../../i18n';
import type { SitesView } from '../../messages';
import { ask } from '../shared/client';
import { sameSite, type Tool } from './choices';

/**
 * Asks the browser for host access to one site. Call it before any await in a click
 * handler. Resolves with the parent's answer (false when they decline or the browser
 * turns the request down); null when there is nothing to ask for.
 */
function requestAccess(pattern: string): Promise<boolean> | null {
  const origins = originsFor(pattern);
  if (origins.length === 0) return null;
  try {
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return null;
  }
}

export interface WorkTools {
  /** The worker's list, or null until it first answers. */
  view: SitesView | null;
  /** The list couldn't be read. */
  loadProblem: boolean;
  pressed(tool: Tool): boolean;
  toggle(tool: Tool): void;
}

export function useWorkTools(announce: (text: string) => void): WorkTools {
  const [view, setView] = useState<SitesView | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  /** What the parent last asked for, per pattern, while the worker has not caught up. */
  const wanted = useRef(new Map<string, { on: boolean; turn: number }>());
  const [, setWantedVersion] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const viewNow = useRef<SitesView | null>(null);
  viewNow.current = view;

  const inTurn = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const refresh = useCallback(
    () =>
      inTurn(async () => {
        try {
          setView(await ask({ type: 'sites' }));
          setLoadProblem(false);
        } catch {
          setLoadProblem(true);
        }
      }),
    [inTurn],
  );

  useEffect(() => {
    void refresh();
    // Access given or taken back anywhere (a prompt, the browser's own settings).
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [refresh]);

  const listed = (pattern: string): boolean =>
    viewNow.current?.sites.some((s) => sameSite(s.site.pattern, pattern)) ?? false;

  const pressed = (tool: Tool): boolean => wanted.current.get(tool.pattern)?.on ?? listed(tool.pattern);

  const toggle = (tool: Tool): void => {
    const on = !pressed(tool);
    const access = on ? requestAccess(tool.pattern) : null; // first, inside the click

    const turn = (wanted.current.get(tool.pattern)?.turn ?? 0) + 1;
    wanted.current.set(tool.pattern, { on, turn });
    setWantedVersion((n) => n + 1);
    const settle = () => {
      if (wanted.current.get(tool.pattern)?.turn !== turn) return; // a later click is on its way
      wanted.current.delete(tool.pattern);
      setWantedVersion((n) => n + 1);
    };

    const change = inTurn(async () => {
      if (on) {
        const result = await ask({ type: 'addSite', pattern: tool.pattern, mode: 'quiet' });
        if (!result.ok) {
          announce(result.error);
          return;
        }
        setView(result);
        announce(t('onboardingToolOn', [tool.name]));
      } else {
        const now = await ask({ type: 'sites' });
        const site = now.sites.find((s) => sameSite(s.site.pattern, tool.pattern));
        setView(site ? await ask({ type: 'removeSite', id: site.site.id }) : now);
        announce(t('onboardingToolOff', [tool.name]));
      }
    });
    void change.catch(() => announce(t('onboardingToolProblem'))).finally(settle);

    // Once the parent has answered the browser (and the add has landed), show access as
    // it now is, and say so gently when Hearth is still without it.
    if (access) {
      void Promise.all([access, change.catch(() => undefined)]).then(() =>
        inTurn(async () => {
          const now = await ask({ type: 'sites' });
          setView(now);
          const site = now.sites.find((s) => sameSite(s.site.pattern, tool.pattern));
          if (site && !site.hasAccess) announce(t('onboardingToolNoAccess', [tool.name]));
        }).catch(() => undefined),
      );
    }
  };

  return { view, loadProblem, pressed, toggle };
}
