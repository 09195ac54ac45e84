// One prompt at a time, readable in two seconds: another, keep, or hide for good.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PromptKind, PromptView } from '../../core/prompts';
import { t } from '../../i18n';
import type { StatusView } from '../../messages';
import { promptAction, promptNow } from '../shared/prompts';

/**
 * `status`: where the parent stands (the prompt fits the family time on, the hour and the
 * children's ages). `focus`: the parent asked for this card (a kind word), so focus comes
 * to it once it is here.
 */
export function PromptCard({ status, kind, title, focus = false }: { status: StatusView; kind?: PromptKind; title: string; focus?: boolean }) {
  const [prompt, setPrompt] = useState<PromptView | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the parent stands as the popup last heard it; a newer status brings no new prompt.
  const where = useRef(status);
  where.current = status;
  const next = useCallback(() => promptNow(where.current, kind, Date.now()).catch(() => null), [kind]);
  const another = useCallback(async () => setPrompt(await next()), [next]);
  useEffect(() => void another(), [another]);
  const shown = prompt !== undefined;
  useEffect(() => {
    if (focus && shown) heading.current?.focus();
  }, [focus, shown]);

  if (prompt === undefined) return null;
  const toggleFavourite = async () => {
    if (!prompt) return;
    await promptAction(prompt.id, prompt.favourite ? 'unfavourite' : 'favourite');
    setPrompt({ ...prompt, favourite: !prompt.favourite });
  };
  const hide = async () => {
    if (!prompt) return;
    await promptAction(prompt.id, 'hide');
    const after = await next();
    setPrompt(after);
    // Every prompt hidden: the buttons go, so focus rests on the card's title.
    if (!after) heading.current?.focus();
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
