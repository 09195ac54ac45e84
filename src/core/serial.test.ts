import { describe, expect, it, vi } from 'vitest';
import { serial } from './serial';

/** A promise and the means to resolve it from outside. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('serial', () => {
  it('starts each task only once the one before it has settled', async () => {
    const inTurn = serial();
    const first = gate();
    const seen: string[] = [];
    const a = inTurn(async () => {
      seen.push('a starts');
      await first.promise;
      seen.push('a ends');
      return 'a';
    });
    const b = inTurn(async () => {
      seen.push('b starts');
      return 'b';
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(seen).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('fails only the caller of a failing task, tells onFailure, and goes on with the next', async () => {
    const onFailure = vi.fn();
    const inTurn = serial(onFailure);
    const broken = new Error('disk full');
    const a = inTurn(() => Promise.reject(broken));
    const b = inTurn(async () => 'still runs');
    await expect(a).rejects.toBe(broken);
    expect(await b).toBe('still runs');
    expect(onFailure).toHaveBeenCalledExactlyOnceWith(broken);
  });

  it('treats a task that throws before its first await like one that rejects', async () => {
    const inTurn = serial();
    const a = inTurn((): Promise<never> => {
      throw new Error('at once');
    });
    await expect(a).rejects.toThrow('at once');
    expect(await inTurn(async () => 1)).toBe(1);
  });

  it('keeps separate queues apart', async () => {
    const one = serial();
    const two = serial();
    const held = gate();
    void one(() => held.promise);
    expect(await two(async () => 'not held up')).toBe('not held up');
    held.open();
  });

  it('keeps the order under many tasks at once', async () => {
    const inTurn = serial();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inTurn(async () => {
          // Later tasks would finish sooner if they ran together.
          await new Promise((resolve) => setTimeout(resolve, (50 - i) % 3));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
