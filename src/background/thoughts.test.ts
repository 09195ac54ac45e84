import { describe, expect, test } from 'vitest';
import { handBack, parkThought, thoughtAction, thoughtsView } from './thoughts';

describe('parked thoughts', () => {
  test('wait while family time is on, and are handed back when it ends', async () => {
    await parkThought('Reply to Sam about the deck', 1000);
    const parked = await parkThought('Book the dentist', 2000);
    expect(parked.waiting.map((t) => t.text)).toEqual(['Reply to Sam about the deck', 'Book the dentist']);
    expect(parked.handedBack).toEqual([]);

    expect(await handBack(5000)).toBe(2);
    const back = await thoughtsView();
    expect(back.waiting).toEqual([]);
    expect(back.handedBack.map((t) => [t.text, t.handedBackAt])).toEqual([
      ['Reply to Sam about the deck', 5000],
      ['Book the dentist', 5000],
    ]);
    // Handing back again (reconcile may run twice) changes nothing.
    expect(await handBack(6000)).toBe(0);
  });

  test('done keeps the thought out of sight; clear lets it go', async () => {
    await parkThought('One', 1);
    await parkThought('Two', 2);
    await handBack(3);
    const [one, two] = (await thoughtsView()).handedBack;
    expect((await thoughtAction(one!.id, 'done', 4)).handedBack.map((t) => t.text)).toEqual(['Two']);
    expect((await thoughtAction(two!.id, 'clear', 5)).handedBack).toEqual([]);
    expect(await thoughtAction('no-such-thought', 'done', 6)).toEqual({ waiting: [], handedBack: [] });
  });

  test('a thought parked after the hand-back waits for the next family time', async () => {
    await parkThought('Earlier', 1);
    await handBack(2);
    const view = await parkThought('Later', 3);
    expect(view.waiting.map((t) => t.text)).toEqual(['Later']);
    expect(view.handedBack.map((t) => t.text)).toEqual(['Earlier']);
  });
});
