// "Always let these through": the few names or words that come through family time
// (the school office, the nursery, "urgent"). Suggestions fill the field to be edited,
// never added unseen. Each sentence about what was typed sits under the field.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../i18n';
import type { LetThroughView } from '../../messages';
import { LiveRegion, useAnnouncement } from '../shared/announcement';
import { ask, failureText } from '../shared/client';
import { LET_THROUGH_IDEAS } from '../shared/letThroughIdeas';
import { LET_THROUGH_LIMITS } from '../../core/letThrough';
import { useWorkerView } from '../shared/workerView';
import { InputField } from './formFields';

const ALL = '';

const ruleWords = (view: LetThroughView, rule: LetThroughView['rules'][number]) => {
  const site = rule.siteId === undefined ? undefined : view.sites.find((s) => s.id === rule.siteId);
  return site ? t('letThroughRuleSite', [rule.text, site.name]) : t('letThroughRuleAll', [rule.text]);
};

export function LetThroughSection() {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('letThrough');
  const [text, setText] = useState('');
  const [siteId, setSiteId] = useState(ALL);
  const [error, setError] = useState('');
  const [said, setSaid] = useAnnouncement();
  const field = useRef<HTMLInputElement>(null);

  // Sites come and go in the section above: the "From" choices follow.
  useEffect(() => {
    void refresh();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) void refresh();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [refresh]);

  const oops = (e?: unknown) => setSaid(failureText(e, t('letThroughProblem')));

  const add = (event: Event) => {
    event.preventDefault();
    const typed = text;
    void inTurn(() => ask({ type: 'addLetThrough', text: typed, ...(siteId === ALL ? {} : { siteId }) }))
      .then((answer) => {
        if (!answer.ok) {
          setError(answer.error);
          field.current?.focus();
          return;
        }
        setView(answer);
        setError('');
        setText('');
        setSaid(t('letThroughAdded', [typed.trim()]));
      })
      .catch(oops);
  };

  const remove = (id: string, words: string) => {
    void inTurn(() => ask({ type: 'removeLetThrough', id }))
      .then((answer) => {
        setView(answer);
        setSaid(t('letThroughRemoved', [words]));
        field.current?.focus();
      })
      .catch(oops);
  };

  return (
    <section aria-labelledby="let-through-title">
      <h2 id="let-through-title">{t('letThroughTitle')}</h2>
      <p>{t('letThroughIntro')}</p>
      <p class="note">{t('letThroughLimit')}</p>
      <h3 id="let-through-list-title">{t('letThroughListTitle')}</h3>
      {view ? (
        view.rules.length ? (
          <ul class="let-through" aria-labelledby="let-through-list-title">
            {view.rules.map((rule) => (
              <li key={rule.id}>
                <span>{ruleWords(view, rule)}</span>
                <button type="button" onClick={() => remove(rule.id, rule.text)}>
                  {t('letThroughRemove', [rule.text])}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('letThroughEmpty')}</p>
        )
      ) : (
        loadProblem && <p role="alert">{t('letThroughProblem')}</p>
      )}
      <p id="let-through-ideas">{t('letThroughIdeas')}</p>
      <div class="chips" role="group" aria-labelledby="let-through-ideas">
        {LET_THROUGH_IDEAS.map((key) => (
          <button
            type="button"
            key={key}
            onClick={() => {
              setText(t(key));
              setError('');
              field.current?.focus();
            }}
          >
            {t('letThroughUseIdea', [t(key)])}
          </button>
        ))}
      </div>
      <form class="stack" onSubmit={add} noValidate>
        <InputField
          id="let-through-text"
          label={t('letThroughTextLabel')}
          type="text"
          maxLength={LET_THROUGH_LIMITS.textLength}
          value={text}
          error={error || undefined}
          inputRef={field}
          onValue={(value) => {
            setText(value);
            if (error) setError('');
          }}
        />
        <label for="let-through-site">{t('letThroughSiteLabel')}</label>
        <select id="let-through-site" value={siteId} onChange={(e) => setSiteId((e.target as HTMLSelectElement).value)}>
          <option value={ALL}>{t('letThroughAllSites')}</option>
          {view?.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
        <p>
          <button type="submit" class="primary">
            {t('letThroughAdd')}
          </button>
        </p>
      </form>
      <LiveRegion said={said} />
    </section>
  );
}
