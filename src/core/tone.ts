// Hearth's tone check: finds pressure and shaming language in a sentence meant for a
// parent. Used on every shipped message (tests/unit/tone.test.ts) and on every prompt
// a parent writes. Pure: no browser API.
//
// Matching is case-insensitive, on word boundaries, with curly apostrophes read as
// straight ones. A few words are shaming only in some uses ("behind" as a verdict, not
// as a place), so their patterns look at the words around them.

/** One shaming word or phrase, and how to find it. */
interface ToneRule {
  /** What the rule is about, for people reading this file. */
  readonly word: string;
  readonly pattern: RegExp;
}

/** Words that can stand before "behind" when it is a place ("behind a calm page"). */
const PLACE_OBJECT = String.raw`(?:a|an|the|this|that|these|those|your|its|their|his|her|my|our|it|them|you|me|us|closed|every|each)`;
const CARERS = String.raw`(?:parent|parents|parenting|mum|mom|mummy|mommy|mother|dad|daddy|father)`;

export const TONE_RULES: readonly ToneRule[] = [
  { word: 'should', pattern: /\bshould\b/g },
  { word: "shouldn't", pattern: /\bshould(?:n't|nt)\b/g },
  { word: 'must', pattern: /\bmust\b/g },
  { word: "mustn't", pattern: /\bmust(?:n't|nt)\b/g },
  { word: 'have to', pattern: /\b(?:have|has)\s+to\b/g },
  { word: 'ought', pattern: /\bought\b/g },
  { word: 'fail', pattern: /\bfail(?:s|ed|ing|ure|ures)?\b/g },
  { word: 'streak', pattern: /\bstreaks?\b/g },
  { word: 'lazy', pattern: /\blaz(?:y|ier|iest|iness)\b/g },
  // A verdict ("falling behind", "behind on email", "you're behind"), not a place.
  {
    word: 'behind',
    pattern: new RegExp(
      String.raw`\b(?:fall|falls|falling|fell|fallen|get|gets|getting|got|lag|lags|lagging|left)\s+behind\b|\bbehind\b(?!\s+${PLACE_OBJECT}\b)`,
      'g',
    ),
  },
  { word: 'wasted', pattern: /\bwast(?:e|ed|es|ing|eful)\b/g },
  { word: 'guilty', pattern: /\bguilty\b|\bguilt[- ]?trip\w*/g },
  { word: 'not enough', pattern: /\b(?:not|never|isn't|aren't|wasn't|weren't|isnt|arent)\s+(?:\w+\s+)?enough\b/g },
  { word: 'bad parent', pattern: new RegExp(String.raw`\b(?:bad|terrible|awful|horrible|lousy|worst|useless)\s+${CARERS}\b`, 'g') },
  { word: 'disappoint', pattern: /\bdisappoint\w*/g },
  { word: 'lacking', pattern: /\blacking\b/g },
  { word: 'slacking', pattern: /\bslack(?:ing|er|ers)\b|\bslack\s+off\b/g },
  { word: 'selfish', pattern: /\bselfish\w*/g },
  { word: 'neglect', pattern: /\bneglect\w*/g },
  { word: 'excuses', pattern: /\bexcuses\b|\bno\s+excuse\b/g },
  { word: 'ashamed', pattern: /\bashamed\b|\bshame\s+on\b/g },
  { word: 'your fault', pattern: /\byour\s+fault\b/g },
];

/**
 * Exact kind phrases that contain a listed word on purpose. Reviewed one by one; keep
 * this list small. An entry clears only its own words, never the rest of the text.
 */
export const TONE_ALLOWLIST: readonly string[] = [
  // Names "failing" only to deny it: reassurance, not a verdict.
  "guilt doesn't mean you're failing",
  // Takes a task away from the parent instead of adding one.
  "you don't have to",
  // Says there is no task at all right now.
  'nothing you have to do',
];

/** Lower case, straight apostrophes, single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u2032]/g, "'")
    .replace(/\s+/g, ' ');
}

const ALLOWED = TONE_ALLOWLIST.map(normalise);

/**
 * The shaming words and phrases in `text`, as written there (lower case), in the
 * order they appear, each once. An empty list means the text reads kindly.
 */
export function toneProblems(text: string): string[] {
  let plain = normalise(text);
  // Blank out allowlisted phrases (same length, so positions stay put).
  for (const phrase of ALLOWED) {
    plain = plain.replace(new RegExp(`\\b${escapeRegExp(phrase)}\\b`, 'g'), (m) => ' '.repeat(m.length));
  }
  const found: { at: number; word: string }[] = [];
  for (const rule of TONE_RULES) {
    for (const match of plain.matchAll(rule.pattern)) found.push({ at: match.index, word: match[0].trim() });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.word))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
