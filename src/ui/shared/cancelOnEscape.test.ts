// Escape leaves a form shown in place, as its Cancel button does; other keys, and an
// Escape already used by a control or an input method, leave it open.
import { describe, expect, test, vi } from 'vitest';
import { cancelOnEscape } from './cancelOnEscape';

const key = (k: string, more: { isComposing?: boolean; defaultPrevented?: boolean } = {}) => ({
  key: k,
  isComposing: false,
  defaultPrevented: false,
  preventDefault: vi.fn(),
  ...more,
});

describe('cancelOnEscape', () => {
  test('Escape cancels, and goes no further', () => {
    const cancel = vi.fn();
    const escape = key('Escape');
    cancelOnEscape(cancel)(escape);
    expect(cancel).toHaveBeenCalledOnce();
    expect(escape.preventDefault).toHaveBeenCalled();
  });

  test('other keys, a composition ending, and an Escape a control used leave the form open', () => {
    const cancel = vi.fn();
    for (const e of [key('Enter'), key('Esc'), key('Escape', { isComposing: true }), key('Escape', { defaultPrevented: true })]) {
      cancelOnEscape(cancel)(e);
    }
    expect(cancel).not.toHaveBeenCalled();
  });
});
