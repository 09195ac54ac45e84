// Moving settings between browsers: "Export settings" saves them as a file, and the
// file field reads one back. This page writes and reads the file (core/settings/file.ts,
// kept out of the worker, which is loaded far more often); the worker checks the settings
// read and saves them. An import is all or nothing, so a file with anything Hearth can't
// use changes nothing, and the one sentence about it is shown under the field, as every
// field's is: tied to it for a screen reader, with focus back on the picker to choose
// another file.
//
// After an import, `hearth:settings-changed` goes out on the window so the page's other
// sections can fetch what they show again.
import { useRef, useState } from 'preact/hooks';
import { MAX_FILE_SIZE, exportSettingsFile, megabytes, parseSettingsFile } from '../../core/settings/file';
import { t } from '../../i18n';
import { errorAria } from './formFields';
import { ask, failureText } from '../shared/client';
import { downloadJson } from '../shared/download';
import { useFocusNext } from '../shared/focusNext';

const TITLE_ID = 'import-export-title';
const FILE_ID = 'import-settings-file';
const NOTE_ID = 'import-settings-note';
const ERROR_ID = 'import-settings-error';

/** Told to the page's other sections after settings were replaced by an import. */
export const SETTINGS_CHANGED_EVENT = 'hearth:settings-changed';

export function ImportExportSection() {
  const [error, setError] = useState('');
  /** Counts errors shown, so the same sentence given twice is announced twice. */
  const [errorCount, setErrorCount] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [exporting, setExporting] = useState(false);
  /** Only the latest file chosen may speak: an older answer arriving late is dropped. */
  const latest = useRef(0);
  const focusNext = useFocusNext();

  const showError = (sentence: string) => {
    setAnnouncement('');
    setError(sentence);
    setErrorCount((n) => n + 1);
    focusNext.current = FILE_ID; // once the sentence describes it
  };

  const exportSettings = async () => {
    if (exporting) return;
    setExporting(true);
    setAnnouncement('');
    try {
      // The parent's own settings: their organisation's part is its policy's, not theirs to carry.
      const { own } = await ask({ type: 'settings' });
      const { json, fileName } = exportSettingsFile(own, Date.now());
      downloadJson(json, fileName);
      setAnnouncement(t('importExportExported', [fileName]));
    } catch {
      setAnnouncement(t('importExportActionProblem'));
    } finally {
      setExporting(false);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return; // the parent closed the file picker without choosing
    const turn = ++latest.current;
    setError('');
    setAnnouncement('');
    try {
      // A big file is refused before it is read at all.
      if (file.size > MAX_FILE_SIZE) {
        showError(t('importExportTooBig', [megabytes(file.size)]));
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        if (turn === latest.current) showError(t('importExportReadProblem'));
        return;
      }
      const parsed = parseSettingsFile(text);
      if (!parsed.ok) {
        if (turn === latest.current) showError(parsed.error);
        return;
      }
      let result;
      try {
        result = await ask({ type: 'importSettings', settings: parsed.settings });
      } catch (error) {
        if (turn === latest.current) showError(failureText(error, t('importExportActionProblem')));
        return;
      }
      if (turn !== latest.current) return;
      if (!result.ok) {
        showError(result.error);
        return;
      }
      setAnnouncement(t('importExportImported'));
      window.dispatchEvent(new CustomEvent(SETTINGS_CHANGED_EVENT));
    } finally {
      // Cleared, so choosing the same file again (after fixing it) is read again.
      if (turn === latest.current) input.value = '';
    }
  };

  return (
    <section class="import-export" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{t('importExportTitle')}</h2>
      <p>{t('importExportIntro')}</p>

      <div class="import-export-actions">
        <button type="button" class="primary" onClick={() => void exportSettings()} aria-disabled={exporting ? 'true' : undefined}>
          {t('importExportExportButton')}
        </button>
      </div>

      <div class="import-field">
        <label for={FILE_ID}>{t('importExportImportLabel')}</label>
        <input
          id={FILE_ID}
          type="file"
          accept=".json,application/json"
          {...errorAria(error, ERROR_ID, NOTE_ID)}
          onChange={(e) => void importFile(e.currentTarget)}
        />
        {/* Label, field, then what it does and any sentence about the file, as the other fields. */}
        <p class="note" id={NOTE_ID}>
          {t('importExportImportNote')}
        </p>
        {error && (
          <p key={errorCount} id={ERROR_ID} class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>

      <p class="note announcement" role="status">
        {announcement}
      </p>
    </section>
  );
}
