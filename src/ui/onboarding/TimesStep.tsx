// Step 2: when family time is. Each suggestion is a checkbox; the timed ones have a
// start and an end the parent can change, each with its own label and, when Hearth
// can't use it yet, a sentence right under it saying what to pick. An end earlier than
// the start is the next morning (a bedtime from 10:00 pm to 6:30 am), said plainly
// under the end time.
import { t } from '../../i18n';
import { endDayNote, fieldId, type Choice } from './choices';
import { daysWords, whenWords } from './words';

export type ChoicePatch = Partial<Pick<Choice, 'on' | 'start' | 'end'>>;

interface TimesStepProps {
  choices: readonly Choice[];
  problems: ReadonlyMap<string, string>;
  onChange: (id: Choice['id'], patch: ChoicePatch) => void;
}

export function TimesStep({ choices, problems, onChange }: TimesStepProps) {
  return (
    <>
      <p>{t('onboardingTimesIntro')}</p>
      <ul class="times" aria-labelledby="step-title">
        {choices.map((choice) => (
          <ChoiceRow key={choice.id} choice={choice} problems={problems} onChange={onChange} />
        ))}
      </ul>
    </>
  );
}

interface ChoiceRowProps {
  choice: Choice;
  problems: ReadonlyMap<string, string>;
  onChange: TimesStepProps['onChange'];
}

function ChoiceRow({ choice, problems, onChange }: ChoiceRowProps) {
  const boxId = fieldId(choice, 'on');
  return (
    <li class={choice.on ? 'time on' : 'time'}>
      <div class="time-head">
        <input
          type="checkbox"
          id={boxId}
          checked={choice.on}
          aria-describedby={`${boxId}-when`}
          onChange={(e) => onChange(choice.id, { on: (e.target as HTMLInputElement).checked })}
        />
        <label for={boxId}>{choice.name}</label>
        <span class="days" id={`${boxId}-when`}>
          {choice.timed ? daysWords(choice.base.days) : whenWords(choice.base)}
        </span>
      </div>
      {choice.timed && (
        <div class="time-fields">
          <TimeField choice={choice} which="start" problem={problems.get(fieldId(choice, 'start'))} onChange={onChange} />
          <TimeField choice={choice} which="end" problem={problems.get(fieldId(choice, 'end'))} onChange={onChange} />
        </div>
      )}
    </li>
  );
}

interface TimeFieldProps {
  choice: Choice;
  which: 'start' | 'end';
  problem: string | undefined;
  onChange: TimesStepProps['onChange'];
}

/** "18:00" from a time field ("18:00:00" where a browser adds seconds), or "" when cleared. */
const wallTimeOf = (value: string): string => (/^\d{2}:\d{2}/.test(value) ? value.slice(0, 5) : '');

function TimeField({ choice, which, problem, onChange }: TimeFieldProps) {
  const id = fieldId(choice, which);
  const errorId = `${id}-problem`;
  const noteId = `${id}-note`;
  const note = which === 'end' && !problem ? endDayNote(choice) : '';
  const describedBy = problem ? errorId : note ? noteId : undefined;
  return (
    <div class="time-field">
      <label for={id}>
        {which === 'start' ? t('onboardingStarts', [choice.name]) : t('onboardingEnds', [choice.name])}
      </label>
      <input
        type="time"
        id={id}
        value={choice[which]}
        disabled={!choice.on}
        required
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onChange(choice.id, { [which]: wallTimeOf((e.target as HTMLInputElement).value) })}
      />
      {problem && (
        <p class="field-error" id={errorId}>
          {problem}
        </p>
      )}
      {note && (
        <p class="field-note" id={noteId}>
          {note}
        </p>
      )}
    </div>
  );
}
