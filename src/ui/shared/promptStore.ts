// Gentle prompts in extension storage: the parent's favourites, hidden prompts and own
// prompts, and where each rotation stands. The one module that knows their keys and
// shapes. Read and written by the pages that show prompts (the popup, the settings page,
// reflection's count), never by the worker, which loads at every wake. Every read is validated; a bad part of what is stored falls back to its
// default on its own and never throws.
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { PROMPT_LIBRARY } from '../../core/promptLibrary';
import { PROMPT_KINDS, PROMPT_MOMENTS, type Moment, type PromptKind } from '../../core/prompts';
import type { RotationState } from '../../core/promptRotation';

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

/** The parent's favourites, hidden prompts and own prompts, each part readable or its default. */
export async function loadPromptPrefs(): Promise<PromptPrefs> {
  const { [PREFS_KEY]: stored } = await browser.storage.local.get(PREFS_KEY);
  return v.parse(PrefsSchema, stored);
}

export async function savePromptPrefs(prefs: PromptPrefs): Promise<void> {
  // Only ids that exist are kept, so retired prompts leave nothing behind in storage.
  const exists = new Set([...PROMPT_LIBRARY.map((p) => p.id), ...prefs.custom.map((c) => c.id)]);
  const tidy: PromptPrefs = {
    favourites: prefs.favourites.filter((id) => exists.has(id)),
    hidden: prefs.hidden.filter((id) => exists.has(id)),
    custom: prefs.custom,
  };
  await browser.storage.local.set({ [PREFS_KEY]: tidy });
}

export async function loadRotation(): Promise<RotationState> {
  const { [ROTATION_KEY]: stored } = await browser.storage.local.get(ROTATION_KEY);
  return v.parse(RotationSchema, stored);
}

/** Where each rotation stands now, so the next prompt is not one just shown. */
export async function saveRotation(state: RotationState): Promise<void> {
  await browser.storage.local.set({ [ROTATION_KEY]: state });
}

/**
 * How many prompts the parent keeps as favourites, for reflection: the strings in the
 * stored list as they are; 0 when there are none or the stored value is not readable.
 */
export async function favouritesCount(): Promise<number> {
  const { [PREFS_KEY]: prompts } = await browser.storage.local.get(PREFS_KEY);
  if (typeof prompts !== 'object' || prompts === null) return 0;
  const favourites = (prompts as { favourites?: unknown }).favourites;
  return Array.isArray(favourites) ? favourites.filter((f) => typeof f === 'string').length : 0;
}
