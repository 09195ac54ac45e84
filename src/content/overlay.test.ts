// The overlay's words, read without a page (the browser tests show it in real ones).
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../tests/unit/setup';
import type { TabPlan } from '../messages';
import { calmWords } from './calmWords';

process.env.TZ = 'Europe/London';

const say = (key: string, subs?: string[]) => englishMessage(key, subs) || key;
const plan = (over: Partial<TabPlan> = {}): TabPlan => ({
  siteId: 'slack',
  name: 'Slack',
  mode: 'dim',
  wayThroughMinutes: 10,
  until: null,
  ...over,
});
/** Wednesday 10 June 2026, 6 pm in London. */
const NOW = Date.UTC(2026, 5, 10, 17, 0);

describe('calmWords', () => {
  it('says until when the site can wait, today by the time alone, and offers a way through', () => {
    const until = Date.UTC(2026, 5, 10, 18, 30);
    expect(calmWords(plan({ until }), say, 'en-US', NOW)).toEqual([
      'This can wait',
      'Slack can wait until 7:30 PM. Family time is on.',
      'Go through for 10 minutes',
    ]);
  });

  it('names the day when family time ends on another, and counts one minute as one', () => {
    const until = Date.UTC(2026, 5, 11, 7, 0);
    const [, line, wayThrough] = calmWords(plan({ until, wayThroughMinutes: 1 }), say, 'en-US', NOW);
    expect(line).toBe('Slack can wait until Thursday 8:00 AM. Family time is on.');
    expect(wayThrough).toBe('Go through for 1 minute');
  });

  it('goes through until the end when less family time is left than a way through lasts', () => {
    const until = Date.UTC(2026, 5, 10, 17, 4);
    expect(calmWords(plan({ until }), say, 'en-US', NOW)[2]).toBe('Go through until 6:04 PM');
  });

  it('offers no way through once family time is over, and names a site with no name plainly', () => {
    expect(calmWords(plan({ name: '' }), say, 'en-US', NOW)).toEqual([
      'This can wait',
      'Family time is over. This site is back.',
      null,
    ]);
  });
});
