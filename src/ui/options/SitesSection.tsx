// Work sites: the sites Hearth quiets during family time.
//
// Host access is asked for in the very click (or Enter) that adds a site: browsers show
// the permission prompt only during the user's gesture, so the request is the first
// thing the handler does, before any await. The add itself is sent right after, without
// waiting for the answer: the prompt may stay open as long as the parent likes (and in a
// headless browser nobody can answer it at all), and a site without access is still
// worth listing, since Hearth can hold back its notifications anyway. When the answer
// comes, the list is fetched again so each site's access is shown as it now is.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SiteMode } from '../../core/settings/schema';
import { SITE_PRESETS, parseSitePattern, type SitePreset } from '../../core/sites';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';
import { ask, failureText } from '../shared/client';
import { useFocusNext } from '../shared/focusNext';
import { requestAccess, useAccessChanges, useWorkerView } from '../shared/workerView';
import { LoadedList, type ListWords } from './LoadedList';
import { asMode, ModeOptions, SiteItem } from './SiteItem';

/** The live-region sentence after a site's mode is set: "Slack will be dimmed…". */
const MODE_NOW: Record<SiteMode, string> = {
  quiet: 'siteModeNowQuiet',
  dim: 'siteModeNowDim',
  'set-aside': 'siteModeNowSetAside',
};

const ADDRESS_ID = 'site-address';
const ADDRESS_ERROR_ID = 'site-address-error';
const ADD_BUTTON_ID = 'site-add-button';
const LIST_TITLE_ID = 'sites-list-title';
const listWords = (): ListWords => ({ title: t('sitesListTitle'), empty: t('sitesEmpty'), loadProblem: t('sitesLoadProblem') });

export function SitesSection() {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('sites');
  const [address, setAddress] = useState('');
  const [mode, setMode] = useState<SiteMode>('quiet');
  const [error, setError] = useState('');
  /** Counts answers with an error, so the same sentence given twice is announced twice. */
  const [errorCount, setErrorCount] = useState(0);
  const [announcement, setAnnouncement] = useState('');

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

  const addAddress = (event: Event) => {
    event.preventDefault();
    const typed = address;
    const chosen = mode;
    const parsed = parseSitePattern(typed);
    // First, inside the gesture. An address that doesn't parse asks for nothing; the
    // worker's answer below says what to change.
    const access = parsed.ok ? requestAccess(parsed.pattern) : null;
    const before = parsed.ok ? view?.sites.find((s) => s.site.pattern === parsed.pattern) : undefined;
    void inTurn(() => ask({ type: 'addSite', pattern: typed, mode: chosen }))
      .then((result) => {
        if (!result.ok) {
          setError(result.error);
          setErrorCount((n) => n + 1);
          // Back to the field to change it (from the button; typing with Enter stays put).
          if (document.activeElement?.id === ADD_BUTTON_ID) document.getElementById(ADDRESS_ID)?.focus();
          return;
        }
        setError('');
        setAddress((current) => (current === typed ? '' : current));
        setView(result);
        const pattern = parsed.ok ? parsed.pattern : typed.trim();
        const name = result.sites.find((s) => s.site.pattern === pattern)?.name ?? pattern;
        if (before) {
          const changed = before.site.mode !== chosen ? ` ${t(MODE_NOW[chosen], [name])}` : '';
          setAnnouncement(t('siteAlreadyListed', [name]) + changed);
        } else {
          setAnnouncement(t('siteAdded', [name]));
        }
      })
      .catch(oops);
    whenAnswered(access);
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

  const listed = new Set(view?.sites.map((s) => s.site.pattern));
  const presets = SITE_PRESETS.filter((p) => !listed.has(p.pattern));

  return (
    <section class="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p>{t('sitesIntro')}</p>
      {view && (
        <p>{t(view.canBlockNotifications ? 'sitesNotificationsChromium' : 'sitesNotificationsFirefox')}</p>
      )}

      <LoadedList titleId={LIST_TITLE_ID} listClass="site-list" words={listWords()} items={view?.sites} loadProblem={loadProblem}>
        {(site) => <SiteItem key={site.site.id} site={site} onMode={changeMode} onRemove={remove} onAccess={giveAccess} onRename={rename} />}
      </LoadedList>

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

      <form class="add-site" onSubmit={addAddress} noValidate>
        <div class="field">
          <label class="address-label" for={ADDRESS_ID}>{t('sitesAddressLabel')}</label>
          <input
            id={ADDRESS_ID}
            type="text"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            placeholder={t('sitesAddressPlaceholder')}
            value={address}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? ADDRESS_ERROR_ID : undefined}
            onInput={(e) => {
              setAddress((e.target as HTMLInputElement).value);
              setError('');
            }}
          />
          {error && (
            <p key={errorCount} id={ADDRESS_ERROR_ID} class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
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
        <button type="submit" id={ADD_BUTTON_ID} class="primary">
          {t('sitesAddButton')}
        </button>
      </form>

      <p class="note announcement" role="status">
        {announcement}
      </p>
    </section>
  );
}
