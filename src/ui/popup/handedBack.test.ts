import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThoughtsView } from '../../messages';
import { lookForHandedBack } from './handedBack';

const waiting = (n: number): ThoughtsView =>
  ({ waiting: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })), handedBack: [] }) as unknown as ThoughtsView;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('lookForHandedBack', () => {
  it('looks again, later each time, until none waits', async () => {
    const answers = [waiting(1), waiting(1), waiting(0)];
    const read = vi.fn(async () => answers.shift()!);
    const shown: number[] = [];
    lookForHandedBack(read, (v) => shown.push(v.waiting.length), [500, 1000, 2000, 4000]);
    await vi.advanceTimersByTimeAsync(499);
    expect(read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(shown).toEqual([1, 1, 0]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('gives up once its looks run out, when thoughts wait on for a later family time', async () => {
    const read = vi.fn(async () => waiting(1));
    lookForHandedBack(read, () => undefined, [500, 1000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('goes on after a read that failed', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(waiting(0));
    const shown: number[] = [];
    lookForHandedBack(read, (v) => shown.push(v.waiting.length), [500, 1000, 2000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown).toEqual([0]);
  });

  it('once stopped, shows no answer, not even one already on its way: the parent changed the list since', async () => {
    let answer!: (v: ThoughtsView) => void;
    const read = vi.fn(() => new Promise<ThoughtsView>((resolve) => (answer = resolve)));
    const show = vi.fn();
    const stop = lookForHandedBack(read, show, [500, 1000]);
    await vi.advanceTimersByTimeAsync(500);
    expect(read).toHaveBeenCalledTimes(1);
    stop();
    answer(waiting(1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(show).not.toHaveBeenCalled();
    expect(read).toHaveBeenCalledTimes(1);
  });
});
