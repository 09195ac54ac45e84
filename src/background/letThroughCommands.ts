// The parent's let-through list: add a name or word (for every work site or one), take
// one away. Each is checked here, with a plain sentence for what can't be kept.
import { foldText, LET_THROUGH_LIMITS } from '../core/letThrough';
import { newId } from '../core/ids';
import { siteName } from '../core/sites';
import { t } from '../i18n';
import type { AddLetThroughResult, LetThroughView, Request, ResponseMap } from '../messages';
import { loadSettings, updateSettings } from './store';
import { loadPolicy } from './policy';

export async function letThroughView(): Promise<LetThroughView> {
  const { settings } = await loadSettings();
  return {
    rules: settings.letThrough,
    sites: settings.sites.map((site) => ({ id: site.id, name: siteName(site) })),
  };
}

/** Why `text` can't be added beside `rules`, or null when it can. */
function refusal(rules: LetThroughView['rules'], text: string, siteId: string | undefined): string | null {
  if (foldText(text) === '') return t('letThroughErrorEmpty');
  if (text.length > LET_THROUGH_LIMITS.textLength) return t('letThroughErrorTooLong', [String(LET_THROUGH_LIMITS.textLength)]);
  if (rules.some((r) => foldText(r.text) === foldText(text) && (r.siteId === undefined || r.siteId === siteId))) {
    return t('letThroughErrorListed', [text]);
  }
  if (rules.length >= LET_THROUGH_LIMITS.rules) return t('letThroughErrorTooMany', [String(LET_THROUGH_LIMITS.rules)]);
  return null;
}

export async function addLetThrough(input: string, siteId: string | undefined): Promise<AddLetThroughResult> {
  const text = input.trim().replace(/\s+/g, ' ');
  let error: string | null = null;
  // The site may be the organisation's, which the parent's own settings don't hold.
  const { sites: orgSites } = await loadPolicy();
  await updateSettings((settings) => {
    const site = siteId === undefined ? undefined : [...settings.sites, ...orgSites].find((s) => s.id === siteId);
    if (siteId !== undefined && !site) error = t('letThroughErrorNoSite');
    error ??= refusal(settings.letThrough, text, siteId);
    if (error) return null;
    return { ...settings, letThrough: [...settings.letThrough, { id: newId('let'), text, ...(siteId ? { siteId } : {}) }] };
  });
  return error ? { ok: false, error } : { ok: true, ...(await letThroughView()) };
}

export async function removeLetThrough(id: string): Promise<LetThroughView> {
  await updateSettings((settings) => ({ ...settings, letThrough: settings.letThrough.filter((r) => r.id !== id) }));
  return letThroughView();
}

type LetThroughRequest = Extract<Request, { type: 'letThrough' | 'addLetThrough' | 'removeLetThrough' }>;

/** The let-through list's requests; a change is answered once `applied` has put it in force. */
export function letThroughRequest(
  request: LetThroughRequest,
  applied: <T>(change: Promise<T>) => Promise<T>,
): Promise<ResponseMap[LetThroughRequest['type']]> {
  if (request.type === 'addLetThrough') return applied(addLetThrough(request.text, request.siteId));
  if (request.type === 'removeLetThrough') return applied(removeLetThrough(request.id));
  return letThroughView();
}
