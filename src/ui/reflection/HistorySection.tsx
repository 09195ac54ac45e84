// "Your history": save a copy, or delete it all with the parked thoughts.
//
// Deleting asks once, in place (never a pop-up dialog): the delete button gives way to
// one sentence saying what goes and what stays, with "Yes, delete it all" and "Keep
// it". Focus moves to "Keep it" (the choice that changes nothing, so a second press
// of Enter deletes nothing) and comes back to the delete button either way.
import { useRef, useState } from 'preact/hooks';
import { historyDocument } from '../../core/historyExport';
import { formatDateKey } from '../../core/wallclock';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { downloadJson } from '../shared/download';
import { useFocusNext } from '../shared/focusNext';

const DELETE_ID = 'delete-history';
const DELETE_KEEP_ID = 'delete-history-keep';
const DELETE_SENTENCE_ID = 'delete-history-sentence';

/** `onDeleted`: shows the page as it is once the history is gone. */
export function HistorySection({ onDeleted }: { onDeleted: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const working = useRef(false);
  /** "Delete all history…" pressed: the sentence and its two buttons are showing. */
  const [confirming, setConfirming] = useState(false);
  const focusNext = useFocusNext();

  /** One action at a time; the live region says what happened. */
  const act = async (action: () => Promise<string>) => {
    if (working.current) return;
    working.current = true;
    setNote('');
    try {
      setNote(await action());
    } catch {
      setNote(t('reflectionActionUnavailable'));
    } finally {
      working.current = false;
    }
  };

  const exportHistory = () =>
    act(async () => {
      const json = historyDocument(await ask({ type: 'reflection' }), Date.now());
      const name = `hearth-history-${formatDateKey(Date.now())}.json`;
      downloadJson(json, name);
      return t('reflectionExported', [name]);
    });

  const askToDelete = () => {
    setNote('');
    setConfirming(true);
    focusNext.current = DELETE_KEEP_ID;
  };

  const keepHistory = () => {
    setConfirming(false);
    focusNext.current = DELETE_ID;
  };

  const deleteHistory = () => {
    if (working.current) return;
    setConfirming(false);
    focusNext.current = DELETE_ID;
    void act(async () => {
      await ask({ type: 'clearHistory' });
      await onDeleted();
      return t('reflectionDeleted');
    });
  };

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('reflectionHistoryTitle')}</h2>
      <p class="note">{t('reflectionHistoryNote')}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportHistory()}>
          {t('reflectionExport')}
        </button>
        {!confirming && (
          <button type="button" id={DELETE_ID} onClick={askToDelete}>
            {t('reflectionDelete')}
          </button>
        )}
      </div>
      {confirming && (
        <div
          class="confirm-delete"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              keepHistory();
            }
          }}
        >
          <p id={DELETE_SENTENCE_ID}>{t('reflectionDeleteConfirm')}</p>
          <div class="actions">
            <button type="button" aria-describedby={DELETE_SENTENCE_ID} onClick={deleteHistory}>
              {t('reflectionDeleteYes')}
            </button>
            <button type="button" id={DELETE_KEEP_ID} class="primary" aria-describedby={DELETE_SENTENCE_ID} onClick={keepHistory}>
              {t('reflectionDeleteKeep')}
            </button>
          </div>
        </div>
      )}
      <p class="announcement" role="status">
        {note}
      </p>
    </section>
  );
}
