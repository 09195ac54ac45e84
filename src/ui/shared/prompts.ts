// Gentle prompts, in the pages that show them: the next prompt for where the parent is,
// keeping one as a favourite or hiding it, and the parent's own prompts, checked before
// they are kept. What is stored, and how it is read back, is promptStore.ts. The library
// and its rotation live here rather than in the worker, which loads at every wake.
import { t } from '../../i18n';
import { PROMPT_LIBRARY } from '../../core/promptLibrary';
import { occasionAt, promptMessageKey, type Occasion, type PromptKind, type PromptMeta, type PromptView } from '../../core/prompts';
import { choosePrompt } from '../../core/promptRotation';
import { serial } from '../../core/serial';
import type { StatusView } from '../../messages';
import {
  MAX_CUSTOM_LENGTH,
  loadPromptPrefs,
  loadRotation,
  saveRotation,
  savePromptPrefs,
  type CustomPrompt,
  type PromptPrefs,
} from './promptStore';

export type AddPromptResult = { ok: true; prompt: PromptView } | { ok: false; error: string };

// Read-modify-write steps run one after another, so two quick clicks can't lose one.
const serially = serial();

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

const LIBRARY_BY_ID = new Map(PROMPT_LIBRARY.map((p) => [p.id, p]));

function poolOf(prefs: PromptPrefs): PromptMeta[] {
  return [...PROMPT_LIBRARY, ...prefs.custom.map(({ id, kind, moments }) => ({ id, kind, moments }))];
}

function viewOf(id: string, prefs: PromptPrefs): PromptView | null {
  const favourite = prefs.favourites.includes(id);
  const custom = prefs.custom.find((c) => c.id === id);
  if (custom) return { id, text: custom.text, kind: custom.kind, favourite, custom: true };
  const meta = LIBRARY_BY_ID.get(id);
  if (!meta) return null;
  return { id, text: t(promptMessageKey(id)), kind: meta.kind, favourite, custom: false };
}

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

/** The next prompt for an occasion (and kind, when asked), or null when none fits. */
export function nextPrompt(occasion: Occasion, kind: PromptKind | undefined, now: number): Promise<PromptView | null> {
  return serially(async () => {
    const prefs = await loadPromptPrefs();
    const chosen = choosePrompt(poolOf(prefs), await loadRotation(), {
      occasion,
      kind,
      hidden: new Set(prefs.hidden),
      seed: now,
    });
    if (!chosen) return null;
    // Remembering what was shown only spares repeats: storage refusing it must not cost the prompt.
    await saveRotation(chosen.state).catch((error: unknown) => {
      console.error('Hearth: the prompt rotation was not kept', error);
    });
    return viewOf(chosen.id, prefs);
  });
}

/** The next prompt for now: what fits the family time that is on (outside it, any moment), the hour and the children's ages. */
export function promptNow(status: Pick<StatusView, 'active' | 'childAges'>, kind: PromptKind | undefined, now: number): Promise<PromptView | null> {
  return nextPrompt(occasionAt(status.active[0]?.kind, now, status.childAges), kind, now);
}

/**
 * Keep a prompt as a favourite, let it go, or hide it for good. Hiding a favourite
 * also unfavourites it; hiding one of the parent's own prompts removes it. Favouriting
 * a hidden prompt brings it back. Ids Hearth doesn't know are ignored. `undo` puts the
 * prompts back as they were before (to bring back one hidden by a slip).
 */
export function promptAction(id: string, action: 'favourite' | 'unfavourite' | 'hide'): Promise<{ ok: true; undo?: () => Promise<void> }> {
  return serially(async () => {
    const prefs = await loadPromptPrefs();
    const isCustom = prefs.custom.some((c) => c.id === id);
    if (!isCustom && !LIBRARY_BY_ID.has(id)) return { ok: true as const };
    const without = (ids: string[]) => ids.filter((other) => other !== id);
    // Each case below gives a list anew, never changes one: a shallow copy is the whole before.
    const before = { ...prefs };
    switch (action) {
      case 'favourite':
        prefs.favourites = [...without(prefs.favourites), id];
        prefs.hidden = without(prefs.hidden);
        break;
      case 'unfavourite':
        prefs.favourites = without(prefs.favourites);
        break;
      case 'hide':
        prefs.favourites = without(prefs.favourites);
        if (isCustom) prefs.custom = prefs.custom.filter((c) => c.id !== id);
        else prefs.hidden = [...without(prefs.hidden), id];
        break;
    }
    await savePromptPrefs(prefs);
    return { ok: true as const, undo: () => serially(() => savePromptPrefs(before)) };
  });
}

/** Text compared for sameness: case, spacing, quote marks and end punctuation aside. */
function sameness(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^["'\s]+|["'.!?…\s]+$/g, '');
}

/**
 * A prompt in the parent's own words, for every moment; checked for length and repeats.
 * Its tone is checked by the page that adds it (ui/options/promptTone.ts).
 */
export function addCustomPrompt(text: string, kind: PromptKind): Promise<AddPromptResult> {
  return serially(async () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean === '') return { ok: false, error: t('promptErrorEmpty') };
    // Counted as the message schema counts (UTF-16 units), so what is kept always reads back.
    if (clean.length > MAX_CUSTOM_LENGTH) {
      return { ok: false, error: t('promptErrorTooLong', [String(MAX_CUSTOM_LENGTH)]) };
    }
    const prefs = await loadPromptPrefs();
    const wanted = sameness(clean);
    const known = [
      ...prefs.custom.map((c) => c.text),
      ...PROMPT_LIBRARY.map((p) => t(promptMessageKey(p.id))),
    ];
    if (known.some((existing) => sameness(existing) === wanted)) {
      return { ok: false, error: t('promptErrorDuplicate') };
    }
    const prompt: CustomPrompt = { id: `custom-${crypto.randomUUID()}`, text: clean, kind, moments: ['any'] };
    prefs.custom = [...prefs.custom, prompt];
    await savePromptPrefs(prefs);
    return { ok: true, prompt: { id: prompt.id, text: clean, kind, favourite: false, custom: true } };
  });
}
