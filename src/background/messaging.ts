// Messages are accepted only from Hearth's own pages, and only in the shapes of the map.
import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { RequestSchema, type Request, type StatusView } from '../messages';
import { endNow, startFocus } from './commands';
import { reconcileSoon, type Reconciled } from './reconcile';

export function isOwnPage(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return new URL(sender.url).origin === new URL(browser.runtime.getURL('/')).origin;
}

function statusOf({ desired, problems }: Reconciled, now: number): StatusView {
  return { now, active: desired.active, until: desired.until, next: desired.next, problems };
}

async function respond(request: Request): Promise<StatusView> {
  const now = Date.now();
  switch (request.type) {
    case 'status':
      break;
    case 'startFocus':
      await startFocus(now, request.minutes);
      break;
    case 'endNow':
      await endNow(now, (await reconcileSoon()).desired.active);
      break;
  }
  return statusOf(await reconcileSoon(), Date.now());
}

export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<StatusView> | undefined {
  if (!isOwnPage(sender)) return undefined;
  const parsed = v.safeParse(RequestSchema, message);
  if (!parsed.success) return undefined;
  return respond(parsed.output);
}
