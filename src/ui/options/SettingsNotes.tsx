// Plain notes about settings Hearth had to set aside, at the top of the settings page: a
// stored value it couldn't read, or a value of the organisation's policy it couldn't use.
// Nothing at all when all is well.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ask } from '../shared/client';

export function SettingsNotes() {
  const [notes, setNotes] = useState<string[]>([]);
  useEffect(() => {
    const read = () => void ask({ type: 'settings' }).then((view) => setNotes(view.problems), () => undefined);
    read();
    // Another section (an import, say) changed the settings.
    window.addEventListener('hearth:settings-changed', read);
    return () => window.removeEventListener('hearth:settings-changed', read);
  }, []);
  if (notes.length === 0) return null;
  return (
    <section class="settings-notes" aria-labelledby="settings-notes-title">
      <h2 id="settings-notes-title">{t('settingsNotesTitle')}</h2>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
