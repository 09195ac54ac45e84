// The organisation's work sites Hearth can't reach yet, all in one click: the browser gives
// optional host access only in the parent's own gesture, and an administrator's policy
// can't give it for them (docs/deploying.md says which routes do and don't).
import browser from 'webextension-polyfill';
import { isFromOrganisation } from '../../core/policy';
import { originsFor } from '../../core/siteMatching';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';

export function OrgAccess({ sites, onAnswered }: { sites: readonly SiteView[]; onAnswered: () => void }) {
  const waiting = sites.filter((s) => isFromOrganisation(s.site.id) && !s.hasAccess);
  if (waiting.length === 0) return null;
  const allow = () => {
    // First, inside the gesture: the browser asks once for them all.
    const asked = browser.permissions.request({ origins: waiting.flatMap((s) => originsFor(s.site.pattern)) }).catch(() => false);
    void asked.then(onAnswered);
  };
  return (
    <p>
      <button type="button" class="primary" onClick={allow}>
        {waiting.length === 1 ? t('orgAccessButtonOne') : t('orgAccessButton', [String(waiting.length)])}
      </button>
    </p>
  );
}
