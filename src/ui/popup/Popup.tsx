import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { StatusView, ThoughtsView, WeeklyView } from '../../messages';
import { formatDateKey } from '../../core/wallclock';
import { formatTime, formatWeekday, formatWhen, t } from '../../i18n';
import { ask, failureText } from '../shared/client';
import { HandedBack } from '../shared/Thoughts';
import { FocusStarter } from './FocusStarter';
import { ParkThought } from './ParkThought';
import { PromptCard } from './PromptCard';
import { WeeklyCard } from './WeeklyCard';
import { lookForHandedBack } from './handedBack';

const NO_THOUGHTS: ThoughtsView = { waiting: [], handedBack: [] };

export function Popup() {
  const [status, setStatus] = useState<StatusView | null>(null);
  // What the popup last said, by the part the parent was using: the status card (ending
  // family time) or the focus block controls.
  const [note, setNote] = useState<{ text: string; near: 'status' | 'focus' } | null>(null);
  const [thoughts, setThoughts] = useState<ThoughtsView | null>(null);
  const [kindWord, setKindWord] = useState(false);
  const [ended, setEnded] = useState(0);
  // Once a week the popup leads with "What matters most this week?" (asked once, on opening).
  const [weekly, setWeekly] = useState<WeeklyView | null>(null);

  const refresh = useCallback(async () => {
    setStatus(await ask({ type: 'status' }));
    // Parked thoughts live in IndexedDB. When it can't be reached the rest of the popup
    // works all the same, and parking says plainly that it could not keep the thought.
    setThoughts(await ask({ type: 'thoughts' }).catch(() => NO_THOUGHTS));
  }, []);
  useEffect(() => {
    void refresh();
    void ask({ type: 'weekly' }).then(setWeekly, () => setWeekly(null));
  }, [refresh]);

  // Stay true while open: refresh right after the next change (a block ending by itself).
  useEffect(() => {
    if (!status) return;
    const next = Math.min(status.until ?? Infinity, status.next?.start ?? Infinity);
    const delay = Number.isFinite(next) ? Math.max(250, next - Date.now() + 250) : 60_000;
    const timer = setTimeout(() => void refresh(), Math.min(delay, 60_000));
    return () => clearTimeout(timer);
  }, [status, refresh]);

  const startFocus = async (minutes: number) => {
    try {
      setStatus(await ask({ type: 'startFocus', minutes }));
      setNote({ text: t('focusStarted', [String(minutes)]), near: 'focus' });
    } catch (error) {
      setNote({ text: failureText(error, t('popupActionProblem')), near: 'focus' });
    }
  };
  const endNow = async () => {
    try {
      await ask({ type: 'endNow' });
    } catch (error) {
      setNote({ text: failureText(error, t('popupActionProblem')), near: 'status' });
      return;
    }
    await refresh(); // parked thoughts are handed back as family time ends
    setNote({ text: t('endedNote'), near: 'status' });
    setEnded((n) => n + 1);
  };
  const answered = async (said: string) => {
    setWeekly(null);
    await refresh();
    setNote({ text: said, near: 'status' });
    setEnded((n) => n + 1);
  };
  // The End button or the weekly card is gone: focus rests on the status card's heading, where the parent now stands.
  useEffect(() => {
    if (ended) document.getElementById('state')?.focus();
  }, [ended]);

  const on = status !== null && status.active.length > 0 && status.until !== null;
  // Whether family time was on as the popup opened (the shortcut opens it to park a thought):
  // only then does the thought field take the cursor, never when the parent's own start
  // brings it in while they are using the focus block's buttons.
  const openedOn = useRef<boolean | null>(null);
  if (status && openedOn.current === null) openedOn.current = on;
  // The kind word shows until family time starts; when it ends, focus goes where the parent stands, not to a card.
  const wasOn = useRef(false);
  const stopLooking = useRef<(() => void) | null>(null);
  useEffect(() => {
    const ended = wasOn.current && !on;
    wasOn.current = on;
    if (on) setKindWord(false);
    if (!ended) return;
    // Family time is over (by itself, as a block ends, or by End): the focus block's word
    // is out of date, and focus, if it went with the controls that went, comes to where
    // the parent stands.
    setNote((n) => (n?.near === 'focus' ? null : n));
    if (!document.activeElement || document.activeElement === document.body) document.getElementById('state')?.focus();
    stopLooking.current = lookForHandedBack(() => ask({ type: 'thoughts' }), setThoughts);
    return stopLooking.current;
  }, [on]);
  // The parent's own change to the list (done, cleared, parked) is the latest: no late look undoes it.
  const changeThoughts = (view: ThoughtsView) => {
    stopLooking.current?.();
    setThoughts(view);
  };
  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      {weekly?.ask && <WeeklyCard view={weekly} onDone={(said) => void answered(said)} />}
      {status ? (
        <StatusCard status={status} said={note?.near === 'status' ? note.text : ''} onEnd={endNow} />
      ) : (
        <p aria-busy="true">{t('loading')}</p>
      )}
      {on && <PromptCard status={status} title={t('promptTitleOn')} />}
      {on && thoughts && (
        <ParkThought view={thoughts} onChange={changeThoughts} waits={{ until: formatWhen(status.until!, status.now) }} focusFirst={openedOn.current === true} />
      )}
      {!on && thoughts && <HandedBack view={thoughts} onChange={changeThoughts} />}
      {!on && status && (
        kindWord ? (
          <PromptCard status={status} kind="self-compassion" title={t('promptTitleKind')} focus />
        ) : (
          <p>
            <button type="button" onClick={() => setKindWord(true)}>
              {t('promptKindWordButton')}
            </button>
          </p>
        )
      )}
      {/* Before family time, only when some is planned: a thought parked for nothing never comes back. */}
      {!on && status?.next && thoughts && <ParkThought view={thoughts} onChange={changeThoughts} waits={{ after: status.next.label }} />}
      <FocusStarter onStart={startFocus} />
      <p class="note" role="status">
        {note?.near === 'focus' ? note.text : ''}
      </p>
      <p class="row">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('openSettings')}
        </button>
        <button
          type="button"
          class="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('src/ui/reflection/index.html') }).then(() => window.close())}
        >
          {t('reflectionLink')}
        </button>
      </p>
      {status && status.problems.length > 0 && (
        <section class="problems" aria-labelledby="problems-title">
          <h2 id="problems-title">{t('problemsTitle')}</h2>
          {status.problems.map((p) => (
            <p class="note" key={p}>
              {p}
            </p>
          ))}
        </section>
      )}
    </main>
  );
}

/** "Next: Dinner at 6:00 PM" today; "Next: Weekend on Saturday at 12:00 AM" another day. */
function nextText(label: string, start: number, now: number): string {
  if (formatDateKey(start) === formatDateKey(now)) return t('statusNext', [label, formatTime(start)]);
  return t('statusNextOn', [label, formatWeekday(start), formatTime(start)]);
}

/**
 * Where the parent stands. One card, on or off, so its live region stays in place and
 * what it says as family time ends ("Family time ended for now") is announced.
 */
function StatusCard({ status, said, onEnd }: { status: StatusView; said: string; onEnd: () => void }) {
  const { active, until, next, now, chosen } = status;
  // Ending a moment the parent chose this week asks once, in place; either answer is fine.
  const [asking, setAsking] = useState(false);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) document.getElementById('end-anyway')?.focus();
    else if (wasAsking.current) document.getElementById('end-now')?.focus();
    wasAsking.current = asking;
  }, [asking]);
  // The occurrence that lasts longest names the stretch the parent is in.
  const lead = active.reduce<(typeof active)[number] | undefined>((a, o) => (!a || o.end > a.end ? o : a), undefined);
  const on = lead !== undefined && until !== null;
  let detail: string;
  if (!on) detail = next ? nextText(next.label, next.start, now) : t('statusNothingPlanned');
  else if (lead.end < until) detail = t('statusUntilThen', [lead.label, formatWhen(lead.end, now), formatWhen(until, now)]);
  else detail = t('statusUntil', [lead.label, formatWhen(until, now)]);
  return (
    <section class={on ? 'status on' : 'status'} aria-labelledby="state">
      <h2 class="state" id="state" tabIndex={-1}>
        {on ? t('stateFamilyTime') : t('stateWorkTime')}
      </h2>
      <p>{detail}</p>
      {on && chosen.map((name) => <p key={name}>{t('statusChosen', [name])}</p>)}
      {on && asking && (
        <div role="group" aria-labelledby="end-question">
          <p id="end-question">{t('endChosenQuestion')}</p>
          <p class="row">
            <button type="button" id="end-anyway" onClick={() => (setAsking(false), onEnd())}>
              {t('endChosenYes')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('endChosenNo')}
            </button>
          </p>
        </div>
      )}
      {on && !asking && (
        <button type="button" id="end-now" onClick={() => (chosen.length > 0 ? setAsking(true) : onEnd())}>
          {t('endNow')}
        </button>
      )}
      <p class="note" role="status">
        {said}
      </p>
    </section>
  );
}
