// Gentle prompts, in the pages that show them: the next prompt for where the parent is,
// keeping one as a favourite or hiding it (adding the parent's own is in the settings
// page, ui/options/ownPrompts.ts). What is stored, and how it is read back, is
// promptStore.ts. The library and its rotation live here rather than in the worker, which
// loads at every wake.
import { t } from '../../i18n';
import { PROMPT_LIBRARY } from '../../core/promptLibrary';
import { occasionAt, promptMessageKey, type Occasion, type PromptKind, type PromptMeta, type PromptView } from '../../core/prompts';
import { choosePrompt } from '../../core/promptRotation';
import { serial } from '../../core/serial';
import type { StatusView } from '../../messages';
import { loadPromptPrefs, loadRotation, saveRotation, savePromptPrefs, type PromptPrefs } from './promptStore';

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
 * a hidden prompt brings it back. Ids Hearth doesn't know are ignored. A hide that changed
 * something comes with `undo`: that prompt back as it was (a favourite again, the parent's
 * own in its place again), whatever else changed since.
 */
export function promptAction(id: string, action: 'favourite' | 'unfavourite' | 'hide'): Promise<{ ok: true; undo?: () => Promise<void> }> {
  return serially(async () => {
    const prefs = await loadPromptPrefs();
    const isCustom = prefs.custom.some((c) => c.id === id);
    if (!isCustom && !LIBRARY_BY_ID.has(id)) return { ok: true as const };
    const without = (ids: string[]) => ids.filter((other) => other !== id);
    const favourite = prefs.favourites.indexOf(id);
    const own = prefs.custom.findIndex((c) => c.id === id);
    const shown = !prefs.hidden.includes(id);
    switch (action) {
      case 'favourite':
        prefs.favourites = [...without(prefs.favourites), id];
        prefs.hidden = without(prefs.hidden);
        break;
      case 'unfavourite':
        prefs.favourites = without(prefs.favourites);
        break;
      case 'hide': {
        const custom = prefs.custom[own];
        prefs.favourites = without(prefs.favourites);
        if (isCustom) prefs.custom = prefs.custom.filter((c) => c.id !== id);
        else prefs.hidden = [...without(prefs.hidden), id];
        await savePromptPrefs(prefs);
        if (!shown) return { ok: true as const };
        const undo = () =>
          serially(async () => {
            const now = await loadPromptPrefs();
            now.hidden = without(now.hidden);
            if (custom && !now.custom.some((c) => c.id === id)) now.custom.splice(own, 0, custom);
            if (favourite !== -1 && !now.favourites.includes(id)) now.favourites.splice(favourite, 0, id);
            await savePromptPrefs(now);
          });
        return { ok: true as const, undo };
      }
    }
    await savePromptPrefs(prefs);
    return { ok: true as const };
  });
}
