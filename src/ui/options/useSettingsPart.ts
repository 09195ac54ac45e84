// One part of the settings a section shows and saves as the parent changes it (the
// children's ages, the weekly choice): the change is shown at once and sent in turn; a
// change the worker refuses is said in a sentence, and the page shows what is stored.
import { useEffect, useState } from 'preact/hooks';
import { useAnnouncement } from '../shared/announcement';
import type { Settings } from '../../core/settings/schema';
import { t } from '../../i18n';
import type { SaveResult } from '../../messages';
import { failureText } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import { SETTINGS_CHANGED_EVENT } from './ImportExportSection';

export function useSettingsPart() {
  const { view, setView, refresh, inTurn } = useWorkerView('settings');
  const [said, announce] = useAnnouncement();
  const [problem, setProblem] = useState('');
  // Changes made here so far: a view asked for before the latest of them would show the
  // stored settings without it (and the next change would be made on top of that).
  const [changes] = useState(() => ({ made: 0 }));

  useEffect(() => {
    const unlessChanged = () => {
      const asked = changes.made;
      return refresh(() => changes.made === asked);
    };
    void unlessChanged();
    const onChange = () => void unlessChanged();
    window.addEventListener(SETTINGS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, onChange);
  }, [refresh, changes]);

  /** Shows `change` at once, then `send`s it; if it is not saved, the stored settings come back. */
  const save = (change: (settings: Settings) => Settings, send: () => Promise<SaveResult>) => {
    changes.made++;
    setView((v) => v && { ...v, settings: change(v.settings) });
    void inTurn(async () => {
      try {
        const result = await send();
        setProblem(result.ok ? '' : result.problems.join(' '));
        announce(result.ok ? t('noticesSaved') : '');
        if (result.ok) return;
      } catch (error) {
        setProblem(failureText(error, t('noticesActionProblem')));
      }
      // Not saved: show what is.
      void refresh();
    });
  };

  return { settings: view?.settings ?? null, save, said, problem };
}
