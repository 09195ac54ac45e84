// One work site in the list: its name and address, the mode it is quieted in, whether
// its tabs are tucked away during family time, a
// remove button, a way to rename it, and, while Hearth has no access to it, a way to give that access.
// An organisation's site is marked as such, with a kind word in place of the remove button.
// The mode choices are shared with the form that adds a site.
import { isFromOrganisation } from '../../core/policy';
import { SITE_MODES, type SiteMode } from '../../core/settings/schema';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';
import { SiteRename } from './SiteRename';

const MODE_LABEL: Record<SiteMode, string> = {
  quiet: 'siteModeQuiet',
  dim: 'siteModeDim',
  'set-aside': 'siteModeSetAside',
};

export const asMode = (value: string): SiteMode | undefined => SITE_MODES.find((m) => m === value);

/** The modes as options of a select, each in words. */
export function ModeOptions() {
  return (
    <>
      {SITE_MODES.map((m) => (
        <option key={m} value={m}>
          {t(MODE_LABEL[m])}
        </option>
      ))}
    </>
  );
}

interface SiteItemProps {
  site: SiteView;
  onMode: (site: SiteView, mode: SiteMode) => void;
  onRemove: (site: SiteView) => void;
  onAccess: (site: SiteView) => void;
  onRename: (site: SiteView, name: string) => Promise<void>;
  /** Turns tucking its tabs away on or off (asking the browser first, in the click). */
  onTuck: (site: SiteView, on: boolean) => void;
}

export function SiteItem({ site, onMode, onRemove, onAccess, onRename, onTuck }: SiteItemProps) {
  const { id, pattern, mode, tuck } = site.site;
  const fromOrganisation = isFromOrganisation(id);
  return (
    <li class="site" aria-labelledby={`site-name-${id}`}>
      <div class="site-head">
        <span class="site-name" id={`site-name-${id}`}>
          {site.name}
        </span>
        {pattern !== site.name && <span class="site-pattern">{pattern}</span>}
        <SiteRename site={site} onRename={onRename} />
      </div>
      <div class="site-controls">
        <label for={`mode-${id}`}>{t('siteModeFor', [site.name])}</label>
        <select
          id={`mode-${id}`}
          value={mode}
          onChange={(e) => {
            const next = asMode((e.target as HTMLSelectElement).value);
            if (next && next !== mode) onMode(site, next);
          }}
        >
          <ModeOptions />
        </select>
        {!fromOrganisation && (
          <button type="button" id={`remove-${id}`} onClick={() => onRemove(site)}>
            {t('siteRemove', [site.name])}
          </button>
        )}
      </div>
      {fromOrganisation && (
        <p class="note org-note">
          <strong>{t('fromOrganisation')}.</strong> {t('orgSiteStays')}
        </p>
      )}
      {/* Named for the site, as its mode choice is: a screen reader going through the
          list hears which site each checkbox is for. */}
      <label class="check site-tuck">
        <input type="checkbox" id={`tuck-${id}`} checked={tuck === true} onChange={(e) => onTuck(site, (e.target as HTMLInputElement).checked)} />
        {t('siteTuckFor', [site.name])}
      </label>
      {!site.hasAccess && (
        <div class="site-access">
          <p class="note" id={`access-note-${id}`}>
            {t('siteNoAccess')}
          </p>
          <button
            type="button"
            id={`access-${id}`}
            aria-describedby={`access-note-${id}`}
            onClick={() => onAccess(site)}
          >
            {t('siteGiveAccess', [site.name])}
          </button>
        </div>
      )}
    </li>
  );
}
