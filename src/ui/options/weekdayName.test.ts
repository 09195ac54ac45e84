// The weekly choice's day names in zones where noon UTC is already the next day (UTC+14,
// and Auckland's summer at UTC+13: they read one day late before), and in others.
import { expect, test } from 'vitest';

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

test.each(['Etc/GMT-14', 'Pacific/Auckland', 'Europe/London', 'Etc/GMT+11'])('each day is named as itself in %s', async (zone) => {
  process.env.TZ = zone;
  const { weekdayName } = await import('./scheduleText');
  expect(([0, 1, 2, 3, 4, 5, 6] as const).map(weekdayName)).toEqual(NAMES);
});
