import { runningText, sentences } from './clean-text.js';

const DECLARED = /\b(?:declared?|declaring)\b[^.]*\binterest|\binterests?\b[^.]*\bdeclared\b|\bdeclaration of (?:an? )?(?:\w+ )?interest (?:was|were) made by\b/i;
const NOTHING_DECLARED = /\b(?:no|none|nil)\b[^.]*\b(?:declarations?|interests?)\b|\b(?:declarations?|interests?)\b[^.]*\b(?:none|nil)\b|\bthere were no\b|\bto (?:receive|declare|make)\b|\binvited\b|\breminded\b|\bask(?:ed)?\b/i;

/** Sentences recording a declaration of interest, one per member. */
export function extractDeclarations(lines: readonly string[]): string[] {
  const declarations = new Map<string, string>();
  for (const sentence of sentences(runningText(lines))) {
    if (!DECLARED.test(sentence) || NOTHING_DECLARED.test(sentence)) continue;
    // The member named first: the same member declaring twice is one declaration.
    const member = /(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?)\s+(?:[A-Z]\.\s*)*([A-Z][\w’'-]+)/.exec(sentence)?.[1] ?? sentence;
    if (!declarations.has(member)) declarations.set(member, sentence.trim());
  }
  return [...declarations.values()];
}
