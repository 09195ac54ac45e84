// One prompt at a time, readable in two seconds: another, keep, or hide for good.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PromptKind, PromptView } from '../../core/prompts';
import { t } from '../../i18n';
import { ask } from '../shared/client';

/** `focus`: the parent asked for this card (a kind word), so focus comes to it once it is here. */
export function PromptCard({ kind, title, focus = false }: { kind?: PromptKind; title: string; focus?: boolean }) {
  const [prompt, setPrompt] = useState<PromptView | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const another = useCallback(async () => setPrompt(await ask(kind ? { type: 'prompt', kind } : { type: 'prompt' })), [kind]);
  useEffect(() => void another(), [another]);
  const shown = prompt !== undefined;
  useEffect(() => {
    if (focus && shown) heading.current?.focus();
  }, [focus, shown]);

  if (prompt === undefined) return null;
  const toggleFavourite = async () => {
    if (!prompt) return;
    await ask({ type: 'promptAction', id: prompt.id, action: prompt.favourite ? 'unfavourite' : 'favourite' });
    setPrompt({ ...prompt, favourite: !prompt.favourite });
  };
  const hide = async () => {
    if (!prompt) return;
    await ask({ type: 'promptAction', id: prompt.id, action: 'hide' });
    const next = await ask(kind ? { type: 'prompt', kind } : { type: 'prompt' });
    setPrompt(next);
    // Every prompt hidden: the buttons go, so focus rests on the card's title.
    if (!next) heading.current?.focus();
  };

  return (
    <section class="prompt" aria-labelledby="prompt-title">
      <h2 id="prompt-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
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
