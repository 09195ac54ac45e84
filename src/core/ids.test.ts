import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('is prefixed and unique', () => {
    const ids = Array.from({ length: 50 }, () => newId('focus'));
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^focus-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId('')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
