// Reading version 4's weekly choice and this week's answer from settings data. Both are
// small and optional to a parent: one that can't be read is put back to its usual value
// (Sunday at 7 pm; nothing chosen, so the popup asks again) with one plain sentence,
// the same for stored settings and files (a file's report refuses the whole file).
import * as v from 'valibot';
import { say } from '../say';
import { DEFAULT_WEEKLY_CHOICE, type Chosen, type WeeklyChoice } from '../weeklyShape';
/** Hears each problem as one sentence (read.ts's Report). */
type Report = (sentence: string) => void;
import { ChosenSchema, WeeklyChoiceSchema } from './schema';

export function readWeeklyChoice(raw: unknown, report: Report): WeeklyChoice {
  const result = v.safeParse(WeeklyChoiceSchema, raw);
  if (result.success) return result.output;
  report(say('coreWeeklyChoiceUnreadable'));
  return { ...DEFAULT_WEEKLY_CHOICE };
}

export function readChosen(raw: unknown, report: Report): Chosen | null {
  const result = v.safeParse(ChosenSchema, raw ?? null);
  if (result.success) return result.output;
  report(say('coreChosenUnreadable'));
  return null;
}
