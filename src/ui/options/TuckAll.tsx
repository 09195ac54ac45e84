// Tucking every work site's tabs away at once, what each browser does with them, and the
// browser's permission asked again when tucking was chosen on another device.
import { t } from '../../i18n';
import type { SitesView, SiteView } from '../../messages';

interface TuckAllProps {
  tuck: SitesView['tuck'];
  sites: SiteView[];
  allTucked: boolean;
  onTuckAll(on: boolean): void;
  onAllow(): void;
}

export function TuckAll({ tuck, sites, allTucked, onTuckAll, onAllow }: TuckAllProps) {
  return (
    <div class="tuck-all">
      <label class="check">
        <input type="checkbox" id="tuck-all" checked={allTucked} aria-describedby="tuck-note" onChange={(e) => onTuckAll((e.target as HTMLInputElement).checked)} />
        {t('sitesTuckAll')}
      </label>
      <p class="note" id="tuck-note">
        {t(tuck.by === 'group' ? 'sitesTuckChromium' : 'sitesTuckFirefox')}
      </p>
      {!tuck.allowed && sites.some((s) => s.site.tuck) && (
        // Chosen on another device (settings travel by sync), or the browser's permission taken back here.
        <div class="site-access">
          <p class="note" id="tuck-allow-note">
            {t('sitesTuckNotAllowedHere')}
          </p>
          <button type="button" id="tuck-allow" aria-describedby="tuck-allow-note" onClick={onAllow}>
            {t('sitesTuckAllow')}
          </button>
        </div>
      )}
    </div>
  );
}
