// The options page: one section per kind of setting. Work sites come first; the
// schedule and the rest join as their own sections later.
import { t } from '../../i18n';
import { SitesSection } from './SitesSection';

export function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SitesSection />
    </main>
  );
}
