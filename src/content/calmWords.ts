// What the calm overlay says for a plan: its title, its line and its way through. Pure,
// so tests read it without a page.
import { familyTimeEndsFirst } from '../core/wayThrough';
import { whenWords } from '../core/when';
import type { Say } from '../core/say';
import type { TabPlan } from '../messages';

/**
 * What the overlay says for a plan, in a language, at an instant: its title, its
 * line, and its way through (none when the end of family time is not known).
 */
export function calmWords(plan: TabPlan, say: Say, lang: string, now: number): [string, string, string | null] {
  const name = plan.name || say('calmThisSite');
  let line = say('calmOver', [name]);
  let wayThrough: string | null = null;
  if (plan.until !== null) {
    const when = whenWords(plan.until, now, lang, say);
    line = say('calmUntil', [name, when]);
    // Less family time left than a way through lasts: it goes through until the end.
    if (familyTimeEndsFirst(now, plan.wayThroughMinutes, plan.until)) wayThrough = say('calmWayThroughUntil', [when]);
    else wayThrough = plan.wayThroughMinutes === 1 ? say('calmWayThroughOne') : say('calmWayThrough', [String(plan.wayThroughMinutes)]);
  }
  return [say('calmTitle'), line, wayThrough];
}
