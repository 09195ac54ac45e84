import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateKey, isDateKey, isWallTime, parseWallTime, wallInstant, weekdayOf } from './wallclock';

const utc = (iso: string): number => Date.parse(iso);

/**
 * Runs a suite in one IANA zone. Node re-reads process.env.TZ when it is
 * assigned (in the main thread of a process only: worker threads keep their own
 * env copy and silently stay in the old zone), so every suite starts with a
 * guard that fails if the zone did not take effect.
 */
function inZone(zone: string, probe: { at: string; offset: number }, body: () => void): void {
  describe(zone, () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      // Assigning undefined would store the string "undefined" (an unknown zone, read as UTC).
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it('guard: the zone is in effect', () => {
      expect(new Date(utc(probe.at)).getTimezoneOffset()).toBe(probe.offset);
    });
    body();
  });
}

describe('parseWallTime', () => {
  it('reads HH:MM as minutes since midnight', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('06:30')).toBe(390);
    expect(parseWallTime('19:05')).toBe(19 * 60 + 5);
    expect(parseWallTime('23:59')).toBe(1439);
  });
  it('rejects anything else', () => {
    for (const bad of ['24:00', '7:30', '07:3', '07:60', '0730', ' 07:30', '07:30 ', '-1:00', '', 'ab:cd', '07:30:00']) {
      expect(parseWallTime(bad), bad).toBeNull();
    }
  });
});

describe('date keys (zone-independent arithmetic)', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });
  it('weekdayOf counts like Date#getDay (0 = Sunday)', () => {
    expect(weekdayOf('2026-03-08')).toBe(0); // a Sunday
    expect(weekdayOf('2026-03-14')).toBe(6);
    expect(weekdayOf('2026-11-02')).toBe(1);
  });
  it('rejects malformed keys loudly', () => {
    expect(() => addDays('2026-3-8', 1)).toThrow(RangeError);
    expect(() => weekdayOf('tomorrow')).toThrow(RangeError);
  });
});

inZone('America/New_York', { at: '2026-01-15T00:00:00Z', offset: 300 }, () => {
  it('addDays steps over the DST days by calendar, not by 24 h', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
  });

  it('formatDateKey uses the local date', () => {
    expect(formatDateKey(utc('2026-03-09T03:59:00Z'))).toBe('2026-03-08'); // 23:59 EDT
    expect(formatDateKey(utc('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
    expect(formatDateKey(utc('2026-01-01T04:59:00Z'))).toBe('2025-12-31');
  });

  it('wallInstant on an ordinary day', () => {
    expect(wallInstant('2026-01-15', 18 * 60)).toBe(utc('2026-01-15T23:00:00Z'));
    expect(wallInstant('2026-07-15', 0)).toBe(utc('2026-07-15T04:00:00Z'));
  });

  it('spring forward: a gap time resolves to the jump (local 03:00), not 03:30 as new Date() gives', () => {
    const jump = utc('2026-03-08T07:00:00Z'); // 02:00 EST becomes 03:00 EDT
    expect(new Date(2026, 2, 8, 2, 30).getTime()).toBe(jump + 30 * 60_000); // the JS quirk corrected for
    expect(wallInstant('2026-03-08', 2 * 60)).toBe(jump);
    expect(wallInstant('2026-03-08', 2 * 60 + 30)).toBe(jump);
    expect(wallInstant('2026-03-08', 2 * 60 + 59)).toBe(jump);
    expect(wallInstant('2026-03-08', 3 * 60)).toBe(jump);
    expect(wallInstant('2026-03-08', 3 * 60 + 1)).toBe(jump + 60_000);
    expect(wallInstant('2026-03-08', 1 * 60 + 59)).toBe(jump - 60_000);
  });

  it('fall back: a repeated time resolves to its first occurrence', () => {
    expect(wallInstant('2026-11-01', 60 + 30)).toBe(utc('2026-11-01T05:30:00Z')); // 01:30 EDT, not EST
    expect(wallInstant('2026-11-01', 60)).toBe(utc('2026-11-01T05:00:00Z'));
    expect(wallInstant('2026-11-01', 2 * 60)).toBe(utc('2026-11-01T07:00:00Z')); // 02:00 EST, once
    // 00:00 → 02:00 is three real hours that night.
    expect(wallInstant('2026-11-01', 120) - wallInstant('2026-11-01', 0)).toBe(3 * 3_600_000);
  });
});

inZone('Australia/Lord_Howe', { at: '2026-01-15T00:00:00Z', offset: -660 }, () => {
  it('30-minute spring forward (02:00 → 02:30 on 2026-10-04)', () => {
    const jump = utc('2026-10-03T15:30:00Z'); // 02:00 +10:30 = 02:30 +11:00
    expect(wallInstant('2026-10-04', 2 * 60 + 15)).toBe(jump);
    expect(wallInstant('2026-10-04', 2 * 60 + 30)).toBe(jump);
    expect(wallInstant('2026-10-04', 2 * 60 + 31)).toBe(jump + 60_000);
  });
  it('30-minute fall back (02:00 → 01:30 on 2026-04-05): first occurrence', () => {
    expect(wallInstant('2026-04-05', 60 + 45)).toBe(utc('2026-04-04T14:45:00Z')); // +11:00
    expect(wallInstant('2026-04-05', 2 * 60)).toBe(utc('2026-04-04T15:30:00Z')); // +10:30, once
  });
});

inZone('Asia/Kolkata', { at: '2026-07-15T00:00:00Z', offset: -330 }, () => {
  it('half-hour offset, no DST', () => {
    expect(wallInstant('2026-03-08', 2 * 60 + 30)).toBe(utc('2026-03-07T21:00:00Z'));
    expect(formatDateKey(utc('2026-03-07T18:29:00Z'))).toBe('2026-03-07');
    expect(formatDateKey(utc('2026-03-07T18:30:00Z'))).toBe('2026-03-08');
  });
});

inZone('Pacific/Chatham', { at: '2026-01-15T00:00:00Z', offset: -825 }, () => {
  it('spring forward 02:45 → 03:45 (+12:45 → +13:45) on 2026-09-27', () => {
    const jump = utc('2026-09-26T14:00:00Z');
    expect(new Date(2026, 8, 27, 3, 0).getTime()).toBe(jump + 15 * 60_000); // JS pushes 03:00 to 04:00
    expect(wallInstant('2026-09-27', 3 * 60)).toBe(jump);
    expect(wallInstant('2026-09-27', 2 * 60 + 45)).toBe(jump);
    expect(wallInstant('2026-09-27', 2 * 60 + 44)).toBe(jump - 60_000);
  });
  it('fall back 03:45 → 02:45 on 2026-04-05: first occurrence', () => {
    expect(wallInstant('2026-04-05', 3 * 60)).toBe(utc('2026-04-04T13:15:00Z')); // +13:45
  });
});

describe('value checks', () => {
  it('reads wall times 00:00–23:59 only', () => {
    for (const ok of ['00:00', '09:05', '19:30', '23:59']) expect(isWallTime(ok)).toBe(true);
    for (const bad of ['24:00', '9:05', '09:5', '12:60', ' 09:00', '09:00 ', '0900', 900, null]) {
      expect(isWallTime(bad)).toBe(false);
    }
  });

  it('reads date keys that name real dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '0099-06-15']) {
      expect(isDateKey(ok)).toBe(true);
    }
    for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10', '2024-1-01', '2024-01-01T00:00', 20240101]) {
      expect(isDateKey(bad)).toBe(false);
    }
  });
});
