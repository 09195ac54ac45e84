// One recurring window in the schedule's list: what it is in words, when it next comes
// on (with a button to skip that one occurrence, or to undo a skip), and its own edit,
// pause and delete buttons (the organisation's hours have none: they are its). While it
// is being changed, its form takes the buttons' place.
import { isFromOrganisation } from '../../core/policy';
import type { BoundaryWindow, Schedule } from '../../core/types';
import { describeWindow, occasionWord, occasionsOf, type ScheduleWords } from '../../core/windowSummary';
import { t } from '../../i18n';
import {
  skipButtonLabel,
  skipButtonText,
  skippedAnnouncement,
  skippedText,
  unskippedAnnouncement,
  whenText,
} from './scheduleText';
import { WindowForm } from './WindowForm';
import { WindowLine } from './WindowLine';

interface WindowItemProps {
  w: BoundaryWindow;
  schedule: Schedule;
  now: number;
  words: ScheduleWords;
  editing: boolean;
  onEdit: () => void;
  onPause: () => void;
  onDelete: () => void;
  onSkip: (w: BoundaryWindow, date: string, skipped: boolean, announcement: string) => void;
  onSave: (w: BoundaryWindow) => Promise<string[] | null>;
  onCancel: () => void;
}

export function WindowItem({ w, schedule, now, words, editing, onEdit, onPause, onDelete, onSkip, onSave, onCancel }: WindowItemProps) {
  const nameId = `window-name-${w.id}`;
  // Two windows can share a name: their buttons differ by when each runs.
  const whenId = `window-when-${w.id}`;
  const described = describeWindow(w, words);
  const { next, skipped } = occasionsOf(schedule, w.id, now);

  return (
    <li class={w.paused ? 'window-item paused' : 'window-item'} aria-labelledby={nameId}>
      <WindowLine nameId={nameId} detailsId={whenId} name={w.label} parts={[described.days, described.time]} />

      {w.paused ? (
        <p class="note">{t('schedulePausedNote')}</p>
      ) : (
        <>
          {skipped.map((o) => {
            const occasion = occasionWord(o, now);
            const textId = `skipped-${w.id}-${o.date}`;
            return (
              <div class="skip-line" key={o.date}>
                <p class="skipped-note" id={textId}>
                  {skippedText(occasion, o.date, now)}
                </p>
                <button
                  type="button"
                  id={`undo-${w.id}-${o.date}`}
                  aria-label={t('scheduleUndoSkipFor', [w.label])}
                  aria-describedby={textId}
                  onClick={() => onSkip(w, o.date, false, unskippedAnnouncement(occasion, w.label, o.date, now))}
                >
                  {t('scheduleUndoSkip')}
                </button>
              </div>
            );
          })}
          {next && (
            <div class="skip-line">
              <p class="note" id={`next-${w.id}`}>
                {next.start <= now
                  ? t('scheduleOnNow', [whenText(next.end, now)])
                  : t('scheduleNextAt', [whenText(next.start, now)])}
              </p>
              {!editing && (
                <button
                  type="button"
                  id={`skip-${w.id}`}
                  aria-label={skipButtonLabel(occasionWord(next, now), w.label)}
                  aria-describedby={`next-${w.id}`}
                  onClick={() => {
                    const occasion = occasionWord(next, now);
                    onSkip(w, next.date, true, skippedAnnouncement(occasion, w.label, next.date, now));
                  }}
                >
                  {skipButtonText(occasionWord(next, now))}
                </button>
              )}
            </div>
          )}
        </>
      )}

      {isFromOrganisation(w.id) ? (
        // The organisation's hours: skipped like any, never changed or taken off here.
        <p class="note org-note">
          <strong>{t('fromOrganisation')}.</strong> {t('orgWindowStays')}
        </p>
      ) : editing ? (
        <WindowForm initial={w} idBase={`window-edit-${w.id}`} onSave={onSave} onCancel={onCancel} />
      ) : (
        <div class="window-controls">
          <button type="button" id={`edit-${w.id}`} aria-describedby={whenId} onClick={onEdit}>
            {t('scheduleEdit', [w.label])}
          </button>
          <button type="button" id={`pause-${w.id}`} aria-describedby={whenId} onClick={onPause}>
            {t(w.paused ? 'scheduleResume' : 'schedulePause', [w.label])}
          </button>
          <button type="button" id={`delete-${w.id}`} aria-describedby={whenId} onClick={onDelete}>
            {t('scheduleDelete', [w.label])}
          </button>
        </div>
      )}
    </li>
  );
}
