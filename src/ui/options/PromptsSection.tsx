// Prompts: the parent's favourites, and prompts of their own.
import { useRef, useState } from 'preact/hooks';
import { PROMPT_KINDS, type PromptKind } from '../../core/prompts';
import { t } from '../../i18n';
import { LiveRegion, useAnnouncement } from '../shared/announcement';
import { addCustomPrompt, type AddPromptResult } from './ownPrompts';
import { toneRefusal } from './promptTone';

/** As long as the worker takes a prompt (its message schema counts the trimmed text). */
const MAX_PROMPT_LENGTH = 200;

const KIND_LABEL: Record<PromptKind, string> = {
  'micro-moment': 'promptKindMicroMoment',
  'self-compassion': 'promptKindSelfCompassion',
  connection: 'promptKindConnection',
};

export function PromptsSection() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PromptKind>('micro-moment');
  // `error` is about what was typed (tied to the field); `problem` is a message that did not get through.
  const [error, setError] = useState('');
  const [problem, setProblem] = useState('');
  const [said, setSaid] = useAnnouncement();
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  /** Shows `message` next to the field, and puts the cursor back there to change it. */
  const showError = (message: string) => {
    setError(message);
    setProblem('');
    setSaid('');
    field.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    // Checked here first: the worker refuses an empty prompt without an answer to read,
    // and leaves the tone to this page.
    const typed = text.trim();
    if (typed === '') {
      showError(t('promptErrorEmpty'));
      return;
    }
    if (typed.length > MAX_PROMPT_LENGTH) {
      showError(t('promptErrorTooLong', [String(MAX_PROMPT_LENGTH)]));
      return;
    }
    const tone = toneRefusal(typed);
    if (tone !== null) {
      showError(tone);
      return;
    }
    setBusy(true);
    let answer: AddPromptResult | undefined;
    try {
      answer = await addCustomPrompt(typed, kind);
    } catch {
      answer = undefined;
    } finally {
      setBusy(false);
    }
    if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') {
      // Nothing came back to read: say so gently and keep what was typed.
      setError('');
      setSaid('');
      setProblem(t('promptsActionProblem'));
      return;
    }
    if (!answer.ok) {
      showError(answer.error || t('promptsActionProblem'));
      return;
    }
    setError('');
    setProblem('');
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
          ref={field}
          type="text"
          maxLength={MAX_PROMPT_LENGTH}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'own-prompt-error' : undefined}
          onInput={(e) => {
            setText((e.target as HTMLInputElement).value);
            if (error) setError('');
          }}
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
          <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
            {t('promptOwnAdd')}
          </button>
        </p>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <LiveRegion said={said} />
      <p>
        <a href="../reflection/index.html">{t('reflectionLink')}</a>
      </p>
    </section>
  );
}
