// The pages' side of the message map: one typed call per request.
import browser from 'webextension-polyfill';
import { isNotSaved, type Request, type Response } from '../../messages';
import { t } from '../../i18n';

export async function ask<R extends Request>(request: R): Promise<Response<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as Response<R['type']>;
}

/**
 * A read, asked again if no answer comes for a while: a message that reaches the worker
 * as the browser starts or stops it can go unanswered, and a page must not wait on it
 * for ever. Reads change nothing, so asking twice is harmless; the first answer counts.
 */
export function askRead<R extends Request>(request: R, everyMs = 3000, tries = 5): Promise<Response<R['type']>> {
  return new Promise((resolve, reject) => {
    let left = tries;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const once = () => {
      left--;
      ask(request).then(
        (answer) => (clearTimeout(timer), resolve(answer)),
        (error: unknown) => left === 0 && reject(error),
      );
      if (left > 0) timer = setTimeout(once, everyMs);
    };
    once();
  });
}

/** What to tell the parent when a change did not happen: storage refused it, or else `otherwise`. */
export function failureText(error: unknown, otherwise: string): string {
  return isNotSaved(error) ? t('changeNotSaved') : otherwise;
}
