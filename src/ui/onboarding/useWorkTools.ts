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
import { sameSite } from '../../core/sites';
import { t } from '../../i18n';
import type { SitesView } from '../../messages';
import { ask } from '../shared/client';
import { requestAccess, useAccessChanges, useWorkerView } from '../shared/workerView';
import type { Tool } from './choices';

export interface WorkTools {
  /** The worker's list, or null until it first answers. */
  view: SitesView | null;
  /** The list couldn't be read. */
  loadProblem: boolean;
  pressed(tool: Tool): boolean;
  toggle(tool: Tool): void;
}

export function useWorkTools(announce: (text: string) => void): WorkTools {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('sites');
  /** What the parent last asked for, per pattern, while the worker has not caught up. */
  const wanted = useRef(new Map<string, { on: boolean; turn: number }>());
  const [, setWantedVersion] = useState(0);
  const viewNow = useRef<SitesView | null>(null);
  viewNow.current = view;

  useEffect(() => void refresh(), [refresh]);
  useAccessChanges(useCallback(() => void refresh(), [refresh]));

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
