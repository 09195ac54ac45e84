// The first step's work sites: which tools are on the parent's list and turning one on
// or off; and the other sites, typed in by address (AddSiteForm), with taking one off.
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
import type { InTurn } from '../../core/serial';
import type { SitesView, SiteView } from '../../messages';
import { ADDRESS_ID, type SiteAdded } from '../shared/AddSiteForm';
import { ask } from '../shared/client';
import { useFocusNext } from '../shared/focusNext';
import { requestAccess, useAccessChanges, useWorkerView } from '../shared/workerView';
import type { Tool } from './choices';

export interface WorkTools {
  /** The worker's list, or null until it first answers. */
  view: SitesView | null;
  /** The list couldn't be read. */
  loadProblem: boolean;
  pressed(tool: Tool): boolean;
  toggle(tool: Tool): void;
  /** For AddSiteForm: the worker's calls, in turn with the toggles'. */
  inTurn: InTurn;
  /** AddSiteForm's add landed. */
  added(added: SiteAdded): void;
  /** Access to `pattern` was asked for in a click: once answered, show it as it now is. */
  asked(access: Promise<boolean>, pattern: string): void;
  /** A change did not reach the worker: says so. */
  failed(): void;
  /** AddSiteForm refused an address (its own alert says why): the page's last sentence is out of date. */
  refused(): void;
  /** Takes a typed site off the list, then focuses the element of id `focusAfter` (its button is gone). */
  remove(site: SiteView, focusAfter: string): void;
}

/** The id of a typed site's Remove button. */
export const removeId = (site: SiteView): string => `remove-${site.site.id}`;

export function useWorkTools(announce: (text: string) => void): WorkTools {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('sites');
  /** What the parent last asked for, per pattern, while the worker has not caught up. */
  const wanted = useRef(new Map<string, { on: boolean; turn: number }>());
  const [, setWantedVersion] = useState(0);
  const viewNow = useRef<SitesView | null>(null);
  viewNow.current = view;
  /** Where focus goes when a Remove button goes with its site. */
  const focusMove = useFocusNext();

  useEffect(() => void refresh(), [refresh]);
  useAccessChanges(useCallback(() => void refresh(), [refresh]));

  const listed = (pattern: string): boolean =>
    viewNow.current?.sites.some((s) => sameSite(s.site.pattern, pattern)) ?? false;

  const failed = () => announce(t('onboardingToolProblem'));

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
    void change.catch(failed).finally(settle);

    if (access) asked(access, tool.pattern, change, tool.name);
  };

  /**
   * Once the parent has answered the browser (and `landed`, the add, has too), shows
   * access as it now is, and says so gently when Hearth is still without it.
   */
  function asked(access: Promise<boolean>, pattern: string, landed?: Promise<unknown>, name?: string): void {
    void Promise.all([access, landed?.catch(() => undefined)]).then(() =>
      inTurn(async () => {
        const now = await ask({ type: 'sites' });
        setView(now);
        const site = now.sites.find((s) => sameSite(s.site.pattern, pattern));
        if (site && !site.hasAccess) announce(t('onboardingToolNoAccess', [name ?? site.name]));
      }).catch(() => undefined),
    );
  }

  const added = ({ view: now, name, before, note }: SiteAdded): void => {
    setView(now);
    announce((before ? t('siteAlreadyListed', [name]) : t('onboardingToolOn', [name])) + (note ? ` ${note}` : ''));
  };

  const remove = (site: SiteView, focusAfter: string): void => {
    void inTurn(() => ask({ type: 'removeSite', id: site.site.id }))
      .then((now) => {
        focusMove.current = { to: focusAfter, fallback: ADDRESS_ID, ifLost: removeId(site) };
        setView(now);
        announce(t('onboardingToolOff', [site.name]));
      })
      .catch(failed);
  };

  const refused = () => announce('');

  return { view, loadProblem, pressed, toggle, inTurn, added, failed, refused, asked: (access, pattern) => asked(access, pattern), remove };
}
