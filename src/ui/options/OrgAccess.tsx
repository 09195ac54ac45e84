// The organisation's work sites that Hearth has no access to yet, all in one click: the
// browser asks for optional host access only in the parent's own gesture, and an
// administrator can't give it for them (docs/deploying.md).
import browser from 'webextension-polyfill';
import { isFromOrganisation } from '../../core/policy';
import { originsFor } from '../../core/siteMatching';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';

export function OrgAccess({ sites, onAnswered }: { sites: readonly SiteView[]; onAnswered: () => void }) {
  const waiting = sites.filter((s) => isFromOrganisation(s.site.id) && !s.hasAccess);
  if (waiting.length === 0) return null;
  const allow = () => {
    // First, inside the gesture.
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
