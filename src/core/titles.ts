// Unread counts out of tab titles, so a quieted tab doesn't nag during family time. Pure.
import { NAME_MAX } from './limits';

/**
 * An unread count: 0–999, a comma-grouped 1,234, either with an optional "+" (99+).
 * Four bare digits are left alone on purpose: "(2024) plan" is a year, and sites write
 * big counts as 999+ or 1,234.
 */
const COUNT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,3})\+?`;

/**
 * "(3) ", "[12] ", "{4} ", "• ", "● ", and Slack's "* " (unread) and "! " (a mention) at
 * the start, stacked ones ("(3) • ") in one go; the space after each is required.
 */
const LEADING = new RegExp(String.raw`^\s*(?:(?:\(${COUNT}\)|\[${COUNT}\]|\{${COUNT}\}|[•●*!])\s+)+`, 'u');

/**
 * Gmail's "Inbox (3) - name@gmail.com - Gmail", and Element's "Element [3] | General",
 * "Element [Offline] [3] | General" and "Element * | General" (activity): a count in
 * parentheses or brackets, or a lone "*", right after a word (or a bracket) and before a
 * " - ", " | " or " · " separator. Asking for the separator keeps "Budget (2)",
 * "report (2).pdf" and "5 * 3" whole; a title that numbers its part that way ("Chapter [2]
 * - Intro") loses the number in a work tab during family time, and has it back after.
 */
const AFTER_WORD = new RegExp(String.raw`(?<=[\p{L}\p{N}\])])\s+(?:\(${COUNT}\)|\[${COUNT}\]|\*)(?=\s+[-–—|·](?:\s|$))`, 'gu');

/**
 * The title without unread-count markers, trimmed. A title with none comes back exactly
 * as it was, and so does one that would be left empty ("(3)", say): a tab never loses
 * its name.
 */
export function stripUnreadCount(title: string): string {
  let current = title;
  // Repeat until nothing changes, so the result is always fully stripped (one pass
  // is enough for every title seen so far).
  for (;;) {
    const next = current.replace(LEADING, '').replace(AFTER_WORD, '');
    if (next === current) break;
    current = next;
  }
  const result = current.trim();
  return current === title || result === '' ? title : result;
}

/**
 * A readable name for a site from one of its tab titles: the part after the last
 * separator, where sites put their own name ("Inbox - sam@acme.example - Acme Mail" is
 * "Acme Mail"), with counts gone. Null when nothing readable is left.
 */
export function siteNameFromTitle(title: string): string | null {
  const parts = stripUnreadCount(title).split(/\s+[-–—|·]\s+/u);
  const name = parts[parts.length - 1]!.trim();
  return /\p{L}/u.test(name) && name.length <= NAME_MAX ? name : null;
}
