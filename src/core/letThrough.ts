// Let-through rules: the few names or words a parent never wants held back ("School
// office", "urgent"). A held notification whose title or body contains one, as a whole
// word or phrase, is shown by Hearth instead. Pure: no browser API, no clock.

/** One rule: a name or word, for every work site or for one. */
export interface LetThroughRule {
  id: string;
  text: string;
  /** The work site it is for; every work site when left out. */
  siteId?: string;
}

export const LET_THROUGH_LIMITS = { textLength: 60, rules: 50 } as const;

/**
 * Text as rules compare it: accents, case and repeated spaces do not count ("École" is
 * "ecole"; "SCHOOL  office" is "school office").
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase('und').replace(/\s+/gu, ' ').trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word boundary for any script: no letter or digit just before, or just after. */
const phrase = (text: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(foldText(text)).replace(/ /g, String.raw`\s+`)}(?![\p{L}\p{N}])`, 'u');

/** The rules for one site (its own and those for every site), ready to test many notifications. */
export function compileRules(rules: readonly LetThroughRule[], siteId: string): { rule: LetThroughRule; test: RegExp }[] {
  return rules.filter((r) => (r.siteId === undefined || r.siteId === siteId) && foldText(r.text) !== '').map((rule) => ({ rule, test: phrase(rule.text) }));
}

/** The first rule the notification's title or body holds as a whole word or phrase, or null. */
export function matchingRule(compiled: readonly { rule: LetThroughRule; test: RegExp }[], title: string, body: string): LetThroughRule | null {
  const texts = [foldText(title), foldText(body)];
  return compiled.find((c) => texts.some((text) => c.test.test(text)))?.rule ?? null;
}
