// The pages' side of the message map: one typed call per request.
import browser from 'webextension-polyfill';
import type { Request, Response } from '../../messages';

export async function ask<R extends Request>(request: R): Promise<Response<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as Response<R['type']>;
}
