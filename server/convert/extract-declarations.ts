import { runningText, sentences } from './clean-text.js';

/** How far apart, within a sentence, the words of one declaration stand; bounded so a sentence is read in linear time. */
const WITHIN = String.raw`[^.]{0,300}`;
const DECLARED = new RegExp(
  String.raw`\b(?:declared?|declaring)\b${WITHIN}\binterest|\binterests?\b${WITHIN}\bdeclared\b|\bdeclaration of (?:an? )?(?:\w+ )?interest (?:was|were) made by\b`,
  'i',
);
const NOTHING_DECLARED = new RegExp(
  String.raw`\b(?:no|none|nil)\b${WITHIN}\b(?:declarations?|interests?)\b|\b(?:declarations?|interests?)\b${WITHIN}\b(?:none|nil)\b|\bthere were no\b|\bto (?:receive|declare|make)\b|\binvited\b|\breminded\b|\bask(?:ed)?\b`,
  'i',
);

/** The member named first in a declaration ("Cllr. P. Harries declared …" → "Harries"), or the whole sentence when none is named. */
export function declarant(sentence: string): string {
  return /(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?)\s+(?:[A-Z]\.\s*)*([A-Z][\w’'-]+)/.exec(sentence)?.[1] ?? sentence.trim();
}

/**
 * Sentences recording a declaration of interest, one per member. A numbered paragraph
 * ("(2) Ms Meade declared …", "2) Cllr. A. Thomas again declared …") is a sentence of its own,
 * so the chair's reminder before it ("Members may wish to declare …") does not hide it.
 */
export function extractDeclarations(lines: readonly string[]): string[] {
  const declarations = new Map<string, string>();
  const parts = sentences(runningText(lines)).flatMap((sentence) => sentence.split(/\s+(?=\(?\d{1,2}\)\s+\p{Lu})/u));
  for (const sentence of parts) {
    if (!DECLARED.test(sentence) || NOTHING_DECLARED.test(sentence)) continue;
    // The same member declaring twice is one declaration.
    const member = declarant(sentence);
    if (!declarations.has(member)) declarations.set(member, sentence.replace(/^\(?\d{1,2}\)\s+/, '').trim());
  }
  return [...declarations.values()];
}
