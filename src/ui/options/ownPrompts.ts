// The parent's own prompts, added in the settings page: checked for length and repeats
// before they are kept (their tone by promptTone.ts). Apart from the prompts the popup
// shows (ui/shared/prompts.ts), which need none of this.
import { t } from '../../i18n';
import { PROMPT_LIBRARY } from '../../core/promptLibrary';
import { promptMessageKey, type PromptKind, type PromptView } from '../../core/prompts';
import { serial } from '../../core/serial';
import { MAX_CUSTOM_LENGTH, loadPromptPrefs, savePromptPrefs, type CustomPrompt } from '../shared/promptStore';

export type AddPromptResult = { ok: true; prompt: PromptView } | { ok: false; error: string };

// Read-modify-write steps run one after another, so two quick adds can't lose one.
const serially = serial();

/** Text compared for sameness: case, spacing, quote marks and end punctuation aside. */
function sameness(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^["'\s]+|["'.!?…\s]+$/g, '');
}

/** A prompt in the parent's own words, for every moment; checked for length and repeats. */
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
