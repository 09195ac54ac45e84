// The pages' side of the message map: one typed call per request.
import browser from 'webextension-polyfill';
import { isNotSaved, type Request, type Response } from '../../messages';
import { t } from '../../i18n';

export async function ask<R extends Request>(request: R): Promise<Response<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as Response<R['type']>;
}

/** What to tell the parent when a change did not happen: storage refused it, or else `otherwise`. */
export function failureText(error: unknown, otherwise: string): string {
  return isNotSaved(error) ? t('changeNotSaved') : otherwise;
}
