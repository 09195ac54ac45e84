// The options page: one section per kind of setting. Family time and work sites
// first, then prompts, then moving settings between browsers.
import { t } from '../../i18n';
import { ChildrenSection } from './ChildrenSection';
import { ImportExportSection } from './ImportExportSection';
import { LetThroughSection } from './LetThroughSection';
import { NoticesSection } from './NoticesSection';
import { WeeklySection } from './WeeklySection';
import { PromptsSection } from './PromptsSection';
import { ScheduleSection } from './ScheduleSection';
import { SettingsNotes } from './SettingsNotes';
import { SitesSection } from './SitesSection';

export function Options() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsNotes />
      <ScheduleSection />
      <SitesSection />
      <LetThroughSection />
      <PromptsSection />
      <ChildrenSection />
      <NoticesSection />
      <WeeklySection />
      <ImportExportSection />
    </main>
  );
}
