// The toolbar button says whether family time is on: a small warm badge and a plain title.
import { browser } from '../ext';
import { formatTime, t } from '../../i18n';
import type { Desired } from '../../core/desired';

const ON_COLOUR = '#F08A3C';

function badgeFor(desired: Desired): { text: string; title: string } {
  const first = desired.active[0];
  if (!first || desired.until === null) return { text: '', title: t('titleWorkTime') };
  return { text: t('badgeOn'), title: t('titleFamilyTime', [first.label, formatTime(desired.until)]) };
}

export async function applyBadge(desired: Desired): Promise<void> {
  const want = badgeFor(desired);
  const [text, title] = await Promise.all([browser.action.getBadgeText({}), browser.action.getTitle({})]);
  if (text !== want.text) {
    await browser.action.setBadgeBackgroundColor({ color: ON_COLOUR });
    await browser.action.setBadgeText({ text: want.text });
  }
  if (title !== want.title) await browser.action.setTitle({ title: want.title });
}
