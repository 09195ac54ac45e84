// Prompts: the parent's favourites, and prompts of their own.
import { useState } from 'preact/hooks';
import { PROMPT_KINDS, type PromptKind } from '../../core/prompts';
import { t } from '../../i18n';
import { ask } from '../shared/client';

const KIND_LABEL: Record<PromptKind, string> = {
  'micro-moment': 'promptKindMicroMoment',
  'self-compassion': 'promptKindSelfCompassion',
  connection: 'promptKindConnection',
};

export function PromptsSection() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PromptKind>('micro-moment');
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await ask({ type: 'addPrompt', text, kind });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError('');
    setText('');
    setSaid(t('promptAddedSaid'));
  };

  return (
    <section aria-labelledby="prompts-title">
      <h2 id="prompts-title">{t('promptsSectionTitle')}</h2>
      <p>{t('promptsSectionIntro')}</p>
      <form class="stack" onSubmit={submit} noValidate>
        <label for="own-prompt">{t('promptOwnLabel')}</label>
        <input
          id="own-prompt"
          type="text"
          maxLength={200}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'own-prompt-error' : undefined}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        {error && (
          <p id="own-prompt-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <label for="own-prompt-kind">{t('promptOwnKindLabel')}</label>
        <select id="own-prompt-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as PromptKind)}>
          {PROMPT_KINDS.map((k) => (
            <option value={k} key={k}>
              {t(KIND_LABEL[k])}
            </option>
          ))}
        </select>
        <p>
          <button type="submit" class="primary">
            {t('promptOwnAdd')}
          </button>
        </p>
      </form>
      <p class="note" role="status">
        {said}
      </p>
      <p>
        <a href="../reflection/index.html">{t('reflectionLink')}</a>
      </p>
    </section>
  );
}
