// Over 250 lines: one flow (steps, skip, save), whose focus moves and announcements read
// best together; each step is already its own file.
// The first-run welcome: three short steps, one at a time (work tools, family time,
// all set), skippable at every point. The defaults are in force from the moment Hearth
// is installed, so skipping changes nothing: the tab says so, and offers to close
// (never by itself, so nobody is rushed) or to go back to setting up.
//
// Work tools are added and taken off as they are pressed, and any other site as its
// address is added or its Remove pressed (host access is asked for in the click that
// adds). Family times are saved together with Done, as one schedule, replacing the
// default windows in place; blocks and skips stay as they are.
//
// When the step changes, focus moves to the new step's heading; after Skip and after
// a save, to the sentence that says what happened.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../i18n';
import type { SettingsView } from '../../messages';
import { ask, failureText } from '../shared/client';
import { choicesFrom, fieldId, scheduleWith, timeProblems, windowsToSave, type Choice } from './choices';
import { SummaryStep } from './SummaryStep';
import { TimesStep, type ChoicePatch } from './TimesStep';
import { ToolsStep } from './ToolsStep';
import { useWorkTools } from './useWorkTools';
import { useFocusNext } from '../shared/focusNext';

type Step = 0 | 1 | 2;
const LAST_STEP: Step = 2;

const STEP_TITLE_ID = 'step-title';
const SKIPPED_NOTE_ID = 'skipped-note';
const READY_NOTE_ID = 'ready-note';

/** Closes this tab. Where the browser keeps a tab a script did not open, the tabs API closes it. */
function closeThisTab(): void {
  window.close();
  setTimeout(() => {
    void browser.tabs
      .getCurrent()
      .then((tab) => (tab?.id !== undefined ? browser.tabs.remove(tab.id) : undefined))
      .catch(() => undefined);
  }, 250);
}

export function Onboarding() {
  const [step, setStep] = useState<Step>(0);
  const [skipped, setSkipped] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const work = useWorkTools(setAnnouncement);

  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [saving, setSaving] = useState(false);
  /** Set at once on Done, so a quick second press saves once. */
  const savingNow = useRef(false);
  const [saved, setSaved] = useState(false);
  const [saveProblems, setSaveProblems] = useState<string[]>([]);

  /** The element to focus after the next render. */
  const focusNext = useFocusNext();

  useEffect(() => {
    ask({ type: 'settings' })
      .then((view) => {
        setSettings(view);
        setChoices(choicesFrom(view.settings.schedule.windows));
      })
      .catch(() => setLoadProblem(true));
  }, []);

  const go = (next: Step, focus: string = STEP_TITLE_ID) => {
    setStep(next);
    setAnnouncement('');
    focusNext.current = focus;
  };

  const skip = () => {
    setSkipped(true);
    focusNext.current = SKIPPED_NOTE_ID;
  };

  const keepGoing = () => {
    setSkipped(false);
    focusNext.current = STEP_TITLE_ID;
  };

  const change = (id: Choice['id'], patch: ChoicePatch) => {
    setChoices((current) => current?.map((c) => (c.id === id ? { ...c, ...patch } : c)) ?? current);
    setProblems((current) => {
      const rest = new Map(current);
      rest.delete(fieldId({ id }, 'start'));
      rest.delete(fieldId({ id }, 'end'));
      return rest;
    });
    setSaveProblems([]);
  };

  /** Checks the family times; on a problem, shows it next to its field and focuses that field. */
  const timesReady = (): boolean => {
    if (!choices) return false;
    const found = timeProblems(choices);
    setProblems(found);
    const first = found.keys().next();
    if (first.done) return true;
    if (step !== 1) go(1, first.value);
    else focusNext.current = first.value;
    return false;
  };

  const next = () => {
    if (step === 1 && !timesReady()) return;
    if (step < LAST_STEP) go((step + 1) as Step);
  };

  const done = async () => {
    if (savingNow.current || !choices || !timesReady()) return;
    savingNow.current = true;
    setSaving(true);
    setSaveProblems([]);
    try {
      // Read afresh, so blocks and skips made meanwhile (in the popup) are kept.
      const current = await ask({ type: 'settings' });
      const result = await ask({ type: 'saveSchedule', schedule: scheduleWith(current.settings.schedule, choices) });
      if (result.ok) {
        setSettings(result.view);
        setSaved(true);
        focusNext.current = READY_NOTE_ID;
      } else {
        setSaveProblems(result.problems);
      }
    } catch (error) {
      setSaveProblems([failureText(error, t('onboardingSaveUnreachable'))]);
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  };

  const openSettings = () => {
    void browser.runtime
      .openOptionsPage()
      .then(closeThisTab)
      .catch(() => undefined);
  };

  const stepNames = [t('onboardingStepToolsShort'), t('onboardingStepTimesShort'), t('onboardingStepDoneShort')];
  const stepTitles = [t('onboardingToolsTitle'), t('onboardingTimesTitle'), t('onboardingDoneTitle')];

  let body;
  if (step === 0) {
    body = <ToolsStep work={work} />;
  } else if (!choices || !settings) {
    body = loadProblem ? (
      <p role="alert">{t('onboardingLoadProblem')}</p>
    ) : (
      <p aria-busy="true">{t('onboardingLoading')}</p>
    );
  } else if (step === 1) {
    body = <TimesStep choices={choices} problems={problems} onChange={change} />;
  } else {
    body = (
      <SummaryStep
        sites={work.view}
        windows={windowsToSave(settings.settings.schedule.windows, choices)}
        saved={saved}
        saveProblems={saveProblems}
        onChangeTimes={() => go(1)}
        announce={setAnnouncement}
      />
    );
  }

  return (
    <main class="onboarding">
      <header class="top">
        <h1>{t('onboardingTitle')}</h1>
        {!skipped && !saved && (
          <button type="button" class="link skip" onClick={skip}>
            {t('onboardingSkip')}
          </button>
        )}
      </header>
      <p class="intro">{t('onboardingIntro')}</p>

      {skipped ? (
        <div class="step skipped">
          <p id={SKIPPED_NOTE_ID} class="lead" tabIndex={-1}>
            {t('onboardingSkipped')}
          </p>
          <div class="actions start">
            <button type="button" onClick={keepGoing}>
              {t('onboardingKeepGoing')}
            </button>
            <button type="button" class="primary" onClick={closeThisTab}>
              {t('onboardingCloseNow')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <ol class="progress" aria-label={t('onboardingStepsLabel')}>
            {stepNames.map((name, i) => (
              <li
                key={name}
                class={i < step || saved ? 'done' : undefined}
                aria-current={i === step ? 'step' : undefined}
              >
                {name}
              </li>
            ))}
          </ol>

          <section class="step" aria-labelledby={STEP_TITLE_ID}>
            <p class="step-count">{t('onboardingStepCount', [String(step + 1), String(LAST_STEP + 1)])}</p>
            <h2 id={STEP_TITLE_ID} tabIndex={-1}>
              {stepTitles[step]}
            </h2>
            {body}
            <p class="note announcement" role="status">
              {announcement}
            </p>
            <div class={saved ? 'actions start' : 'actions'}>
              {saved ? (
                <>
                  <button type="button" class="primary" onClick={openSettings}>
                    {t('onboardingOpenSettings')}
                  </button>
                  <button type="button" onClick={closeThisTab}>
                    {t('onboardingCloseNow')}
                  </button>
                </>
              ) : (
                <>
                  {step > 0 && (
                    <button type="button" onClick={() => go((step - 1) as Step)}>
                      {t('onboardingBack')}
                    </button>
                  )}
                  {step < LAST_STEP ? (
                    // Past the times only once they have loaded: said, not silently ignored.
                    <button type="button" class="primary" aria-disabled={step === 1 && !choices ? 'true' : undefined} onClick={next}>
                      {t('onboardingNext')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="primary"
                      aria-disabled={saving || !choices ? 'true' : undefined}
                      onClick={() => void done()}
                    >
                      {t('onboardingDone')}
                    </button>
                  )}
                </>
              )}
            </div>
          </section>
        </>
      )}
    </main>
  );
}
