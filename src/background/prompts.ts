// Gentle prompts at the storage edge: the parent's favourites, hidden prompts and own
// prompts, and where each rotation stands. Every read is validated; a bad part of what
// is stored falls back to its default on its own and never throws.
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { t } from '../i18n';
import { PROMPT_LIBRARY } from '../core/promptLibrary';
import {
  PROMPT_KINDS,
  PROMPT_MOMENTS,
  choosePrompt,
  promptMessageKey,
  type Moment,
  type PromptKind,
  type PromptMeta,
  type PromptView,
  type RotationState,
} from '../core/prompts';
import { serial } from '../core/serial';
import { toneProblems } from '../core/tone';

export const PREFS_KEY = 'prompts';
export const ROTATION_KEY = 'promptRotation';
/** The longest prompt a parent can write, in characters. */
export const MAX_CUSTOM_LENGTH = 200;

export interface CustomPrompt {
  id: string;
  text: string;
  kind: PromptKind;
  moments: Moment[];
}

export interface PromptPrefs {
  favourites: string[];
  hidden: string[];
  custom: CustomPrompt[];
}

export type AddPromptResult = { ok: true; prompt: PromptView } | { ok: false; error: string };

// ---------------------------------------------------------------------------
// Schemas: each list keeps its readable items and drops the rest.
// ---------------------------------------------------------------------------

const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

const CustomSchema = v.object({
  id: IdSchema,
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_CUSTOM_LENGTH)),
  kind: v.picklist(PROMPT_KINDS),
  moments: v.pipe(v.array(v.picklist(PROMPT_MOMENTS)), v.minLength(1)),
});

/** A list of `item`: not a list → empty; unreadable items dropped; repeated ids kept once. */
function listOf<S extends v.GenericSchema>(item: S, idOf: (value: v.InferOutput<S>) => string) {
  return v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((values) => {
        const seen = new Set<string>();
        const kept: v.InferOutput<S>[] = [];
        for (const value of values) {
          const parsed = v.safeParse(item, value);
          if (!parsed.success || seen.has(idOf(parsed.output))) continue;
          seen.add(idOf(parsed.output));
          kept.push(parsed.output);
        }
        return kept;
      }),
    ),
    [],
  );
}

const PrefsSchema = v.fallback(
  v.object({
    favourites: listOf(IdSchema, (id) => id),
    hidden: listOf(IdSchema, (id) => id),
    custom: listOf(CustomSchema, (c) => c.id),
  }),
  () => ({ favourites: [], hidden: [], custom: [] }),
);

/** A record with string keys; unreadable entries dropped. */
function recordOf<S extends v.GenericSchema>(item: S) {
  return v.fallback(
    v.pipe(
      v.record(v.string(), v.unknown()),
      v.transform((entries) => {
        const kept: Record<string, v.InferOutput<S>> = {};
        for (const [key, value] of Object.entries(entries)) {
          if (key === '__proto__') continue;
          const parsed = v.safeParse(item, value);
          if (parsed.success) kept[key] = parsed.output;
        }
        return kept;
      }),
    ),
    {},
  );
}

const RotationSchema = v.fallback(
  v.object({
    rounds: recordOf(listOf(IdSchema, (id) => id)),
    last: recordOf(IdSchema),
  }),
  () => ({ rounds: {}, last: {} }),
);

// ---------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------

export async function loadPromptPrefs(): Promise<PromptPrefs> {
  const { [PREFS_KEY]: stored } = await browser.storage.local.get(PREFS_KEY);
  return v.parse(PrefsSchema, stored);
}

async function savePromptPrefs(prefs: PromptPrefs): Promise<void> {
  // Only ids that exist are kept, so retired prompts leave nothing behind in storage.
  const exists = new Set([...PROMPT_LIBRARY.map((p) => p.id), ...prefs.custom.map((c) => c.id)]);
  const tidy: PromptPrefs = {
    favourites: prefs.favourites.filter((id) => exists.has(id)),
    hidden: prefs.hidden.filter((id) => exists.has(id)),
    custom: prefs.custom,
  };
  await browser.storage.local.set({ [PREFS_KEY]: tidy });
}

async function loadRotation(): Promise<RotationState> {
  const { [ROTATION_KEY]: stored } = await browser.storage.local.get(ROTATION_KEY);
  return v.parse(RotationSchema, stored);
}

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

/** The next prompt for a moment (and kind, when asked), or null when none fits. */
export function nextPrompt(moment: Moment, kind: PromptKind | undefined, now: number): Promise<PromptView | null> {
  return serially(async () => {
    const prefs = await loadPromptPrefs();
    const chosen = choosePrompt(poolOf(prefs), await loadRotation(), {
      moment,
      kind,
      hidden: new Set(prefs.hidden),
      seed: now,
    });
    if (!chosen) return null;
    // Remembering what was shown only spares repeats: storage refusing it must not cost the prompt.
    await browser.storage.local.set({ [ROTATION_KEY]: chosen.state }).catch((error: unknown) => {
      console.error('Hearth: the prompt rotation was not kept', error);
    });
    return viewOf(chosen.id, prefs);
  });
}

/**
 * Keep a prompt as a favourite, let it go, or hide it for good. Hiding a favourite
 * also unfavourites it; hiding one of the parent's own prompts removes it. Favouriting
 * a hidden prompt brings it back. Ids Hearth doesn't know are ignored.
 */
export function promptAction(id: string, action: 'favourite' | 'unfavourite' | 'hide'): Promise<void> {
  return serially(async () => {
    const prefs = await loadPromptPrefs();
    const isCustom = prefs.custom.some((c) => c.id === id);
    if (!isCustom && !LIBRARY_BY_ID.has(id)) return;
    const without = (ids: string[]) => ids.filter((other) => other !== id);
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

/** A prompt in the parent's own words, for every moment; checked for length, tone and repeats. */
export function addCustomPrompt(text: string, kind: PromptKind): Promise<AddPromptResult> {
  return serially(async () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean === '') return { ok: false, error: t('promptErrorEmpty') };
    // Counted as the message schema counts (UTF-16 units), so what is kept always reads back.
    if (clean.length > MAX_CUSTOM_LENGTH) {
      return { ok: false, error: t('promptErrorTooLong', [String(MAX_CUSTOM_LENGTH)]) };
    }
    const [problem] = toneProblems(clean);
    if (problem !== undefined) {
      return { ok: false, error: t(problem.includes(' ') ? 'promptErrorTonePhrase' : 'promptErrorToneWord', [problem]) };
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

/** The parent's favourites, in the order they were kept. */
export async function favouritePrompts(): Promise<PromptView[]> {
  const prefs = await loadPromptPrefs();
  const hidden = new Set(prefs.hidden);
  return prefs.favourites.flatMap((id) => {
    const view = hidden.has(id) ? null : viewOf(id, prefs);
    return view ? [view] : [];
  });
}
