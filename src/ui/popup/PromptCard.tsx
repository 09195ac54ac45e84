// One prompt at a time, readable in two seconds: another, keep, or hide for good.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PromptKind, PromptView } from '../../core/prompts';
import { t } from '../../i18n';
import { ask } from '../shared/client';

export function PromptCard({ kind, title }: { kind?: PromptKind; title: string }) {
  const [prompt, setPrompt] = useState<PromptView | null | undefined>(undefined);
  const another = useCallback(async () => setPrompt(await ask(kind ? { type: 'prompt', kind } : { type: 'prompt' })), [kind]);
  useEffect(() => void another(), [another]);

  if (prompt === undefined) return null;
  const toggleFavourite = async () => {
    if (!prompt) return;
    await ask({ type: 'promptAction', id: prompt.id, action: prompt.favourite ? 'unfavourite' : 'favourite' });
    setPrompt({ ...prompt, favourite: !prompt.favourite });
  };
  const hide = async () => {
    if (!prompt) return;
    await ask({ type: 'promptAction', id: prompt.id, action: 'hide' });
    await another();
  };

  return (
    <section class="prompt" aria-labelledby="prompt-title">
      <h2 id="prompt-title">{title}</h2>
      <p class="prompt-text" aria-live="polite">
        {prompt ? prompt.text : t('promptNone')}
      </p>
      {prompt && (
        <div class="row">
          <button type="button" onClick={another}>
            {t('promptAnother')}
          </button>
          <button type="button" aria-pressed={prompt.favourite} onClick={toggleFavourite}>
            {t('promptKeep')}
          </button>
          <button type="button" onClick={hide}>
            {t('promptHide')}
          </button>
        </div>
      )}
    </section>
  );
}
