import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults';
import { pruneSkips } from './pruneSkips';
import type { Settings } from './schema';

describe('pruneSkips', () => {
  const withSkips = (dates: string[]): Settings => {
    const s = defaultSettings();
    s.schedule.skips = dates.map((date) => ({ windowId: 'dinner', date }));
    return s;
  };
  const dates = (s: Settings) => s.schedule.skips.map((k) => k.date);

  it('drops skips more than 2 days before today and keeps the rest', () => {
    const s = withSkips(['2023-12-31', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10', '2024-03-11']);
    expect(dates(pruneSkips(s, '2024-03-10'))).toEqual(['2024-03-08', '2024-03-09', '2024-03-10', '2024-03-11']);
  });

  it('counts back across months, leap days and years', () => {
    const s = withSkips(['2024-02-27', '2024-02-28', '2024-02-29', '2024-12-29', '2024-12-30']);
    expect(dates(pruneSkips(s, '2024-03-01'))).toEqual(['2024-02-28', '2024-02-29', '2024-12-29', '2024-12-30']);
    expect(dates(pruneSkips(s, '2025-01-01'))).toEqual(['2024-12-30']);
  });

  it('is pure: the input is untouched, and nothing to drop gives the same object', () => {
    const s = withSkips(['2024-01-01', '2024-03-10']);
    const before = structuredClone(s);
    const pruned = pruneSkips(s, '2024-03-10');
    expect(s).toEqual(before);
    expect(pruned).not.toBe(s);
    expect(pruned.schedule.windows).toBe(s.schedule.windows);
    expect(pruneSkips(pruned, '2024-03-10')).toBe(pruned);
  });

  it('leaves settings alone when today is not a real date', () => {
    const s = withSkips(['2024-01-01']);
    expect(pruneSkips(s, 'today')).toBe(s);
    expect(pruneSkips(s, '2024-02-30')).toBe(s);
  });
});
