// One prompt at a time, readable in two seconds: another, keep, or hide for good (with a
// way to bring back the one just hidden: a slip of the finger must not cost it).
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
  /** The prompt hidden last, and how to bring it back, until the parent moves on. */
  const [hidden, setHidden] = useState<{ prompt: PromptView; undo: () => Promise<void> }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const hiding = useRef(false);
  // Where the parent stands as the popup last heard it; a newer status brings no new prompt.
  const where = useRef(status);
  where.current = status;
  const next = useCallback(() => promptNow(where.current, kind, Date.now()).catch(() => null), [kind]);
  const another = useCallback(async () => {
    setHidden(undefined);
    setPrompt(await next());
  }, [next]);
  useEffect(() => void another(), [another]);
  const shown = prompt !== undefined;
  useEffect(() => {
    if (focus && shown) heading.current?.focus();
  }, [focus, shown]);

  if (prompt === undefined) return null;
  const toggleFavourite = async () => {
    if (!prompt) return;
    setHidden(undefined);
    await promptAction(prompt.id, prompt.favourite ? 'unfavourite' : 'favourite');
    setPrompt({ ...prompt, favourite: !prompt.favourite });
  };
  const hide = async () => {
    // One hide at a time: a second click before the next prompt shows would hide it again.
    if (!prompt || hiding.current) return;
    hiding.current = true;
    try {
      const { undo } = await promptAction(prompt.id, 'hide');
      const after = await next();
      setHidden(undo && { prompt, undo });
      setPrompt(after);
      // Every prompt hidden: the buttons go, so focus rests on the card's title.
      if (!after) heading.current?.focus();
    } finally {
      hiding.current = false;
    }
  };
  const bringBack = async () => {
    if (!hidden) return;
    await hidden.undo();
    setPrompt(hidden.prompt);
    setHidden(undefined);
    // The button pressed goes with the note: focus to where the parent hid it from.
    requestAnimationFrame(() => hideButton.current?.focus());
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
          <button type="button" ref={hideButton} onClick={hide}>
            {t('promptHide')}
          </button>
        </div>
      )}
      {/* Always there, so that what it says as a prompt is hidden is announced. */}
      <p class="prompt-hidden" role="status">
        {hidden && t('promptHidden')}
      </p>
      {hidden && (
        <button type="button" class="link" onClick={bringBack}>
          {t('promptUnhide')}
        </button>
      )}
    </section>
  );
}
