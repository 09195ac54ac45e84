// Work sites: the sites Hearth quiets during family time.
//
// Host access is asked for in the very click that adds a preset, as AddSiteForm does for
// a typed address (read why there): first, before any await, and the add is sent
// without waiting for the answer. When the answer comes, the list is fetched again so
// each site's access is shown as it now is.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SiteMode } from '../../core/settings/schema';
import { SITE_PRESETS, type SitePreset } from '../../core/sites';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';
import { AddSiteForm, ADDRESS_ID, type SiteAdded } from '../shared/AddSiteForm';
import { LiveRegion, useAnnouncement } from '../shared/announcement';
import { ask, failureText } from '../shared/client';
import { useFocusNext } from '../shared/focusNext';
import { requestAccess, requestTuck, useAccessChanges, useWorkerView } from '../shared/workerView';
import { LoadedList, type ListWords } from './LoadedList';
import { OrgAccess } from './OrgAccess';
import { TuckAll } from './TuckAll';
import { asMode, ModeOptions, SiteItem } from './SiteItem';

/** The live-region sentence after a site's mode is set: "Slack will be dimmed…". */
const MODE_NOW: Record<SiteMode, string> = {
  quiet: 'siteModeNowQuiet',
  dim: 'siteModeNowDim',
  'set-aside': 'siteModeNowSetAside',
};

const LIST_TITLE_ID = 'sites-list-title';
const listWords = (): ListWords => ({ title: t('sitesListTitle'), empty: t('sitesEmpty'), loadProblem: t('sitesLoadProblem') });

export function SitesSection() {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('sites');
  const [mode, setMode] = useState<SiteMode>('quiet');
  const [announcement, setAnnouncement] = useAnnouncement();

  /** Patterns being added from a preset, so a double click adds once. */
  const adding = useRef(new Set<string>());
  /** Where focus goes after the next render, when the element that had it is gone. */
  const focusMove = useFocusNext();

  useEffect(() => void refresh(), [refresh]);
  useAccessChanges(useCallback(() => void refresh(), [refresh]));

  const oops = (error?: unknown) => setAnnouncement(failureText(error, t('sitesActionProblem')));

  /** After the parent answers the browser's prompt, show each site's access as it now is. */
  const whenAnswered = (access: Promise<boolean> | null) => {
    if (access) void access.then(() => refresh());
  };

  const addPreset = (preset: SitePreset) => {
    if (adding.current.has(preset.pattern)) return;
    const access = requestAccess(preset.pattern); // first, inside the gesture
    adding.current.add(preset.pattern);
    void inTurn(() => ask({ type: 'addSite', pattern: preset.pattern, mode: 'quiet' }))
      .then((result) => {
        if (!result.ok) {
          setAnnouncement(result.error);
          return;
        }
        // The button is gone now: on to the next preset still offered, or the address field.
        const listed = new Set(result.sites.map((s) => s.site.pattern));
        const offered = SITE_PRESETS.filter((p) => !listed.has(p.pattern));
        const from = SITE_PRESETS.indexOf(preset);
        const next = offered.find((p) => SITE_PRESETS.indexOf(p) > from) ?? offered.at(-1);
        focusMove.current = { to: next ? `preset-${next.id}` : ADDRESS_ID, fallback: LIST_TITLE_ID, ifLost: `preset-${preset.id}` };
        setView(result);
        setAnnouncement(t('siteAdded', [preset.name]));
      })
      .catch(oops)
      .finally(() => adding.current.delete(preset.pattern));
    whenAnswered(access);
  };

  const added = ({ view: result, name, before, mode: chosen, note }: SiteAdded) => {
    setView(result);
    const after = note ? ` ${note}` : '';
    if (before) {
      const changed = before.site.mode !== chosen ? ` ${t(MODE_NOW[chosen], [name])}` : '';
      setAnnouncement(t('siteAlreadyListed', [name]) + changed + after);
    } else {
      setAnnouncement(t('siteAdded', [name]) + after);
    }
  };

  const changeMode = (site: SiteView, next: SiteMode) => {
    void inTurn(() => ask({ type: 'setSiteMode', id: site.site.id, mode: next }))
      .then((result) => {
        setView(result);
        setAnnouncement(t(MODE_NOW[next], [site.name]));
      })
      .catch(oops);
  };

  const remove = (site: SiteView) => {
    const sites = view?.sites ?? [];
    const index = sites.findIndex((s) => s.site.id === site.site.id);
    const neighbour = sites[index + 1] ?? sites[index - 1];
    void inTurn(() => ask({ type: 'removeSite', id: site.site.id }))
      .then((result) => {
        focusMove.current = {
          to: neighbour ? `remove-${neighbour.site.id}` : LIST_TITLE_ID,
          fallback: LIST_TITLE_ID,
          ifLost: `remove-${site.site.id}`,
        };
        setView(result);
        setAnnouncement(t('siteRemoved', [site.name]));
      })
      .catch(oops);
  };

  const rename = (site: SiteView, name: string) =>
    inTurn(() => ask({ type: 'renameSite', id: site.site.id, name }))
      .then((result) => {
        setView(result);
        const now = result.sites.find((s) => s.site.id === site.site.id);
        setAnnouncement(t('siteRenamed', [now?.name ?? name]));
      })
      .catch(oops);

  const giveAccess = (site: SiteView) => {
    const access = requestAccess(site.site.pattern); // first, inside the gesture
    if (!access) return;
    void access.then((granted) =>
      inTurn(async () => {
        const result = await ask({ type: 'sites' });
        const now = result.sites.find((s) => s.site.id === site.site.id);
        if (now?.hasAccess) {
          focusMove.current = { to: `mode-${site.site.id}`, fallback: LIST_TITLE_ID, ifLost: `access-${site.site.id}` };
        }
        setView(result);
        setAnnouncement(t(granted && now?.hasAccess ? 'siteAccessGiven' : 'siteAccessNotGiven', [site.name]));
      }).catch(oops),
    );
  };

  /**
   * Tucking tabs away (one site, or every site when `site` is null). Turning it on asks the
   * browser first, in the click (tab groups on Chromium, hiding tabs on Firefox); nothing
   * is saved without it. Turning it off asks for nothing.
   */
  const setTuck = (site: SiteView | null, on: boolean) => {
    const by = view?.tuck.by ?? 'group';
    const allowed = on ? requestTuck(by) : Promise.resolve(true); // first, inside the gesture
    const name = site?.name ?? null;
    void allowed.then((granted) => {
      if (!granted) {
        void refresh();
        setAnnouncement(t('siteTuckNotAllowed'));
        return;
      }
      void inTurn(() => ask({ type: 'setSiteTuck', ...(site ? { id: site.site.id } : {}), tuck: on }))
        .then((result) => {
          setView(result);
          if (name) setAnnouncement(t(on ? 'siteTuckOn' : 'siteTuckOff', [name]));
          else setAnnouncement(t(on ? 'sitesTuckAllOn' : 'sitesTuckAllOff'));
        })
        .catch(oops);
    });
  };

  /** The browser's permission for tucking, asked again in this click (sites already chosen). */
  const allowTuck = () => {
    const allowed = requestTuck(view?.tuck.by ?? 'group'); // first, inside the gesture
    void allowed.then((granted) => {
      void refresh();
      setAnnouncement(t(granted ? 'sitesTuckAllowed' : 'siteTuckNotAllowed'));
    });
  };

  const listed = new Set(view?.sites.map((s) => s.site.pattern));
  const allTucked = Boolean(view?.sites.length) && view!.sites.every((s) => s.site.tuck === true);
  const presets = SITE_PRESETS.filter((p) => !listed.has(p.pattern));

  return (
    <section class="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p>{t('sitesIntro')}</p>
      {view && (
        <p>{t(view.canBlockNotifications ? 'sitesNotificationsChromium' : 'sitesNotificationsFirefox')}</p>
      )}

      <LoadedList titleId={LIST_TITLE_ID} listClass="site-list" words={listWords()} items={view?.sites} loadProblem={loadProblem}>
        {(site) => (
          <SiteItem key={site.site.id} site={site} onMode={changeMode} onRemove={remove} onAccess={giveAccess} onRename={rename} onTuck={setTuck} />
        )}
      </LoadedList>
      {view && <OrgAccess sites={view.sites} onAnswered={() => void refresh()} />}
      {view && view.sites.length > 0 && (
        <TuckAll tuck={view.tuck} sites={view.sites} allTucked={allTucked} onTuckAll={(on) => setTuck(null, on)} onAllow={allowTuck} />
      )}

      <h3 id="sites-add-title">{t('sitesAddTitle')}</h3>
      <p>{t('sitesAccessWhy')}</p>
      {view && presets.length > 0 && (
        <div class="presets" role="group" aria-labelledby="sites-presets-title">
          <p id="sites-presets-title">{t('sitesPresetsTitle')}</p>
          <div class="chips">
            {presets.map((preset) => (
              <button type="button" key={preset.id} id={`preset-${preset.id}`} onClick={() => addPreset(preset)}>
                {t('sitesAddPreset', [preset.name])}
              </button>
            ))}
          </div>
        </div>
      )}

      <AddSiteForm
        sites={view?.sites}
        inTurn={inTurn}
        mode={mode}
        placeholder={t('sitesAddressPlaceholder')}
        onAdded={added}
        onAsked={whenAnswered}
        onProblem={oops}
        onRefused={() => setAnnouncement('')}
      >
        <div class="field">
          <label class="mode-label" for="site-mode">{t('sitesModeLabel')}</label>
          <select
            id="site-mode"
            value={mode}
            onChange={(e) => setMode(asMode((e.target as HTMLSelectElement).value) ?? 'quiet')}
          >
            <ModeOptions />
          </select>
        </div>
      </AddSiteForm>

      <LiveRegion said={announcement} class="note announcement" />
    </section>
  );
}
