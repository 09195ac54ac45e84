// Step 1's other work sites: the ones that are none of the tools above (a company's own
// chat, an intranet, a regional mail service), typed in by address with the settings
// page's own form, listed by the names the worker gives them, each with a way to take it off.
import { sameSite } from '../../core/sites';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';
import { AddSiteForm, ADDRESS_ID } from '../shared/AddSiteForm';
import type { Tool } from './choices';
import { removeId, type WorkTools } from './useWorkTools';

const TITLE_ID = 'other-sites-title';

interface OtherSitesProps {
  work: WorkTools;
  tools: readonly Tool[];
  sites: readonly SiteView[];
}

export function OtherSites({ work, tools, sites }: OtherSitesProps) {
  const others = sites.filter((s) => !tools.some((tool) => sameSite(tool.pattern, s.site.pattern)));

  /** Focus goes on to the next site's Remove button (or the one before), else to the address field. */
  const remove = (site: SiteView) => {
    const at = others.indexOf(site);
    const neighbour = others[at + 1] ?? others[at - 1];
    work.remove(site, neighbour ? removeId(neighbour) : ADDRESS_ID);
  };

  return (
    <div class="other-sites">
      <h3 id={TITLE_ID}>{t('onboardingOtherTitle')}</h3>
      <p>{t('onboardingOtherIntro')}</p>
      {others.length > 0 && (
        <ul class="other-list" aria-labelledby={TITLE_ID}>
          {others.map((site) => (
            <li key={site.site.id} class="other-site">
              <span class="other-name">{site.name}</span>
              {site.site.pattern !== site.name && <span class="other-pattern">{site.site.pattern}</span>}
              <button type="button" id={removeId(site)} onClick={() => remove(site)}>
                {t('siteRemove', [site.name])}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddSiteForm
        sites={sites}
        inTurn={work.inTurn}
        placeholder={t('onboardingAddressPlaceholder')}
        onAdded={work.added}
        onAsked={work.asked}
        onProblem={work.failed}
        onRefused={work.refused}
      />
    </div>
  );
}
