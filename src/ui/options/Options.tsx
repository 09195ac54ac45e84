// The options page: one section per kind of setting. Family time and work sites
// come first; the rest join as their own sections later.
import { t } from '../../i18n';
import { ScheduleSection } from './ScheduleSection';
import { SitesSection } from './SitesSection';

export function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <ScheduleSection />
      <SitesSection />
    </main>
  );
}
