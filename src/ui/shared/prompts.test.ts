import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test } from 'vitest';
import { PROMPT_LIBRARY } from '../../core/promptLibrary';
import { fitsOccasion, promptMessageKey, type Moment, type Occasion, type PromptKind, type PromptView } from '../../core/prompts';
import { addCustomPrompt } from '../options/ownPrompts';
import { nextPrompt, promptAction } from './prompts';
import { MAX_CUSTOM_LENGTH, PREFS_KEY, ROTATION_KEY, loadPromptPrefs } from './promptStore';

const NOW = 1_767_225_600_000;
/** The real English message (tests/unit/setup.ts), '' when there is none. */
const englishMessage = (key: string, subs?: string[]) => fakeBrowser.i18n.getMessage(key, subs);
const storage = fakeBrowser.storage.local;

/** A moment in the evening, ages not given. */
const occasion = (moment: Moment): Occasion => ({ moments: [moment], dayPart: 'evening', ages: [] });

const library = (moment: Moment, kind?: PromptKind) =>
  PROMPT_LIBRARY.filter((p) => (kind === undefined || p.kind === kind) && fitsOccasion(p, occasion(moment))).map((p) => p.id);

async function stored(key: string): Promise<unknown> {
  return (await storage.get(key))[key];
}

/** `count` prompts in a row, a second apart, as the popup shows them. */
async function shown(count: number, moment: Moment, kind?: PromptKind): Promise<PromptView[]> {
  const views: PromptView[] = [];
  for (let i = 0; i < count; i++) {
    const view = await nextPrompt(occasion(moment), kind, NOW + i * 1000);
    if (view) views.push(view);
  }
  return views;
}

/** The ids of `count` prompts in a row. */
const run = async (count: number, moment: Moment, kind?: PromptKind): Promise<string[]> =>
  (await shown(count, moment, kind)).map((view) => view.id);

describe('nextPrompt', () => {
  test('gives a library prompt in English, fitting the moment and kind', async () => {
    const view = await nextPrompt(occasion('dinner'), 'self-compassion', NOW);
    expect(view).not.toBeNull();
    expect(library('dinner', 'self-compassion')).toContain(view!.id);
    expect(view).toEqual({
      id: view!.id,
      text: englishMessage(promptMessageKey(view!.id)),
      kind: 'self-compassion',
      favourite: false,
      custom: false,
    });
    expect(view!.text).not.toMatch(/^prompt_/);
  });

  test('keeps its place in storage: a whole round brings each fitting prompt once', async () => {
    const fitting = library('bedtime', 'connection');
    const ids = await run(fitting.length, 'bedtime', 'connection');
    expect([...ids].sort()).toEqual([...fitting].sort());
    expect(await stored(ROTATION_KEY)).toMatchObject({ rounds: { 'bedtime|connection': ids } });
    // The next round starts with something other than the last one.
    const next = await nextPrompt(occasion('bedtime'), 'connection', NOW + 999_999);
    expect(next!.id).not.toBe(ids.at(-1));
  });

  test('no kind asked: any kind that fits the moment', async () => {
    const fitting = new Set(library('any'));
    const ids = await run(fitting.size, 'any');
    expect(new Set(ids)).toEqual(fitting);
    expect(new Set(PROMPT_LIBRARY.filter((p) => fitting.has(p.id)).map((p) => p.kind)).size).toBe(3);
  });

  test('gives nothing when every fitting prompt is hidden', async () => {
    for (const id of library('focus', 'connection')) await promptAction(id, 'hide');
    expect(await nextPrompt(occasion('focus'), 'connection', NOW)).toBeNull();
    // Other kinds still come.
    expect(await nextPrompt(occasion('focus'), 'micro-moment', NOW)).not.toBeNull();
  });
});

describe('promptAction', () => {
  test('favourite and unfavourite persist and show on the prompt', async () => {
    const [first, second] = library('weekend', 'micro-moment');
    await promptAction(first!, 'favourite');
    await promptAction(second!, 'favourite');
    expect(await stored(PREFS_KEY)).toMatchObject({ favourites: [first, second] });
    // A whole round brings each prompt once: the two favourites come marked so.
    const round = await shown(library('weekend', 'micro-moment').length, 'weekend', 'micro-moment');
    expect(round.map((p) => p.id)).toContain(first);
    expect(round.filter((p) => p.favourite).map((p) => [p.id, p.text]).sort()).toEqual(
      [
        [first, englishMessage(promptMessageKey(first!))],
        [second, englishMessage(promptMessageKey(second!))],
      ].sort(),
    );

    await promptAction(first!, 'unfavourite');
    expect((await loadPromptPrefs()).favourites).toEqual([second]);
  });

  test('favouriting twice keeps one entry', async () => {
    const [id] = library('dinner');
    await promptAction(id!, 'favourite');
    await promptAction(id!, 'favourite');
    expect((await loadPromptPrefs()).favourites).toEqual([id]);
  });

  test('a hidden prompt never comes again, and hiding a favourite unfavourites it', async () => {
    const fitting = library('dinner', 'connection');
    const [hidden] = fitting;
    await promptAction(hidden!, 'favourite');
    await promptAction(hidden!, 'hide');
    expect(await loadPromptPrefs()).toMatchObject({ favourites: [], hidden: [hidden] });
    const ids = await run(fitting.length * 3, 'dinner', 'connection');
    expect(ids).toHaveLength(fitting.length * 3);
    expect(ids).not.toContain(hidden);
  });

  test("a hide undone brings the prompt back as it was: a favourite still, the parent's own in its place", async () => {
    const [id, other] = library('dinner', 'connection');
    await promptAction(id!, 'favourite');
    const first = await addCustomPrompt('Ask what made them laugh today', 'connection');
    await addCustomPrompt('Read the dinosaur book again', 'micro-moment');
    const own = first.ok ? first.prompt.id : '';
    const before = await loadPromptPrefs();
    const { undo } = await promptAction(id!, 'hide');
    const { undo: undoOwn } = await promptAction(own, 'hide');
    expect(await loadPromptPrefs()).toMatchObject({ favourites: [], hidden: [id] });
    expect((await loadPromptPrefs()).custom).toHaveLength(1);
    await undo!();
    await undoOwn!();
    expect(await loadPromptPrefs()).toEqual(before);
    // What changed after the hide stays: only that prompt comes back.
    const again = await promptAction(id!, 'hide');
    await promptAction(other!, 'favourite');
    await again.undo!();
    expect(await loadPromptPrefs()).toMatchObject({ favourites: [id, other], hidden: [] });
  });

  test('hiding a prompt already hidden changes nothing, and has nothing to undo', async () => {
    const [id] = library('dinner');
    expect((await promptAction(id!, 'hide')).undo).toBeTypeOf('function');
    expect((await promptAction(id!, 'hide')).undo).toBeUndefined();
    expect((await loadPromptPrefs()).hidden).toEqual([id]);
  });

  test('ids Hearth does not know are ignored', async () => {
    await promptAction('no-such-prompt', 'favourite');
    await promptAction('no-such-prompt', 'hide');
    expect(await loadPromptPrefs()).toEqual({ favourites: [], hidden: [], custom: [] });
  });

  test('quick clicks in a row are all kept', async () => {
    const ids = library('any').slice(0, 5);
    await Promise.all(ids.map((id) => promptAction(id, 'favourite')));
    expect((await loadPromptPrefs()).favourites).toEqual(ids);
  });
});

describe('addCustomPrompt', () => {
  test('adds the parent’s own prompt, which comes at every moment', async () => {
    const added = await addCustomPrompt('  Read   the dinosaur book again ', 'micro-moment');
    expect(added).toMatchObject({
      ok: true,
      prompt: { text: 'Read the dinosaur book again', kind: 'micro-moment', favourite: false, custom: true },
    });
    if (!added.ok) return;
    expect(await stored(PREFS_KEY)).toMatchObject({
      custom: [{ id: added.prompt.id, text: 'Read the dinosaur book again', kind: 'micro-moment', moments: ['any'] }],
    });
    for (const moment of ['dinner', 'bedtime', 'weekend', 'focus', 'any'] as const) {
      const fitting = library(moment, 'micro-moment');
      const ids = await run(fitting.length + 1, moment, 'micro-moment');
      expect(ids, moment).toContain(added.prompt.id);
    }
    // It comes with the parent's words, and can be a favourite.
    await promptAction(added.prompt.id, 'favourite');
    const round = await shown(library('any', 'micro-moment').length + 1, 'any', 'micro-moment');
    expect(round.find((p) => p.id === added.prompt.id)).toEqual({ ...added.prompt, favourite: true });
  });

  test('a custom prompt comes even when the library has nothing left for that kind', async () => {
    for (const id of library('any', 'connection')) await promptAction(id, 'hide');
    expect(await nextPrompt(occasion('any'), 'connection', NOW)).toBeNull();
    const added = await addCustomPrompt('Call Grandma on Sunday', 'connection');
    expect(added.ok).toBe(true);
    expect(await nextPrompt(occasion('any'), 'connection', NOW)).toMatchObject({ text: 'Call Grandma on Sunday', custom: true });
  });

  test('hiding a custom prompt removes it for good (and it can be written again)', async () => {
    const added = await addCustomPrompt('Make paper boats', 'micro-moment');
    if (!added.ok) throw new Error(added.error);
    await promptAction(added.prompt.id, 'favourite');
    await promptAction(added.prompt.id, 'hide');
    expect(await loadPromptPrefs()).toEqual({ favourites: [], hidden: [], custom: [] });
    expect((await addCustomPrompt('Make paper boats', 'micro-moment')).ok).toBe(true);
  });

  test(`refuses more than ${MAX_CUSTOM_LENGTH} characters, and nothing at all`, async () => {
    const long = await addCustomPrompt('a'.repeat(MAX_CUSTOM_LENGTH + 1), 'micro-moment');
    expect(long).toEqual({ ok: false, error: englishMessage('promptErrorTooLong', [String(MAX_CUSTOM_LENGTH)]) });
    if (long.ok) return;
    expect(long.error).toContain('200 characters');
    expect((await addCustomPrompt('🙂'.repeat(MAX_CUSTOM_LENGTH / 2 + 1), 'micro-moment')).ok).toBe(false);
    expect((await addCustomPrompt(`${'a'.repeat(MAX_CUSTOM_LENGTH - 2)}🙂`, 'micro-moment')).ok).toBe(true);
    expect(await addCustomPrompt('   ', 'micro-moment')).toEqual({ ok: false, error: englishMessage('promptErrorEmpty') });
    expect((await loadPromptPrefs()).custom).toHaveLength(1);
  });

  test('refuses a prompt that is already there, kindly', async () => {
    expect((await addCustomPrompt('Bake bread together', 'micro-moment')).ok).toBe(true);
    const again = await addCustomPrompt('bake bread   together!', 'micro-moment');
    expect(again).toEqual({ ok: false, error: englishMessage('promptErrorDuplicate') });
    const libraryText = englishMessage(promptMessageKey('self-any-friend-test'));
    expect(await addCustomPrompt(libraryText, 'self-compassion')).toEqual({ ok: false, error: englishMessage('promptErrorDuplicate') });
    expect((await loadPromptPrefs()).custom).toHaveLength(1);
  });

  test('every refusal reads kindly itself', async () => {
    const { toneProblems } = await import('../../core/tone');
    for (const key of ['promptErrorEmpty', 'promptErrorTooLong', 'promptErrorDuplicate', 'promptErrorToneWord', 'promptErrorTonePhrase']) {
      const text = englishMessage(key, ['200']);
      expect(text, key).not.toBe('');
      expect(toneProblems(text), key).toEqual([]);
    }
  });
});

describe('stored data that went wrong', () => {
  test.each([
    ['not an object', 'nonsense'],
    ['null', null],
    ['a number', 42],
    ['a list', ['dinner-music']],
    ['lists of the wrong things', { favourites: 'dinner-music', hidden: { a: 1 }, custom: 7 }],
  ])('prefs that are %s read as defaults, without throwing', async (_, value) => {
    await storage.set({ [PREFS_KEY]: value, [ROTATION_KEY]: value });
    expect(await loadPromptPrefs()).toEqual({ favourites: [], hidden: [], custom: [] });
    expect(await nextPrompt(occasion('dinner'), undefined, NOW)).not.toBeNull();
    await promptAction('dinner-music', 'favourite');
    expect((await loadPromptPrefs()).favourites).toEqual(['dinner-music']);
    expect((await addCustomPrompt('Sing in the bath', 'micro-moment')).ok).toBe(true);
  });

  test('keeps every readable part and drops the rest', async () => {
    await storage.set({
      [PREFS_KEY]: {
        favourites: ['dinner-music', 3, '', 'dinner-music', 'bedtime-lullaby'],
        hidden: ['bedtime-stars', null],
        custom: [
          { id: 'custom-1', text: 'Paint rocks', kind: 'micro-moment', moments: ['any'] },
          { id: 'custom-2', text: 'No kind', moments: ['any'] },
          { id: 'custom-3', text: 'Odd kind', kind: 'chores', moments: ['any'] },
          { id: 'custom-4', text: '   ', kind: 'micro-moment', moments: ['any'] },
          { id: 'custom-5', text: 'x'.repeat(500), kind: 'micro-moment', moments: ['any'] },
          'a string',
        ],
        extra: 'ignored',
      },
      [ROTATION_KEY]: { rounds: { 'dinner|*': ['dinner-music', 5], 'bad|key': ['dinner-music'] }, last: { 'dinner|*': 9 } },
    });
    expect(await loadPromptPrefs()).toEqual({
      favourites: ['dinner-music', 'bedtime-lullaby'],
      hidden: ['bedtime-stars'],
      custom: [{ id: 'custom-1', text: 'Paint rocks', kind: 'micro-moment', moments: ['any'] }],
    });
    const view = await nextPrompt(occasion('dinner'), undefined, NOW);
    expect(view).not.toBeNull();
    expect(view!.id).not.toBe('dinner-music'); // already came this round
    const rotation = (await stored(ROTATION_KEY)) as { rounds: Record<string, string[]>; last: Record<string, string> };
    expect(rotation).toEqual({ rounds: { 'dinner|*': ['dinner-music', view!.id] }, last: { 'dinner|*': view!.id } });
  });

  test('favourites and hidden prompts that no longer exist are let go on the next save', async () => {
    await storage.set({ [PREFS_KEY]: { favourites: ['retired-prompt', 'dinner-music'], hidden: ['retired-too'], custom: [] } });
    await promptAction('bedtime-lullaby', 'favourite');
    expect(await stored(PREFS_KEY)).toEqual({ favourites: ['dinner-music', 'bedtime-lullaby'], hidden: [], custom: [] });
  });
});
