/** Printable ASCII, most words of the minutes: nothing in it to decompose or strip. */
const PRINTABLE_ASCII = /^[ -~]*$/;
const MARKS = /\p{M}/gu;

/**
 * Text with its accents dropped ("Pádraigh" → "Padraigh"): decomposed, its combining marks
 * removed. `NFKD` also folds compatibility forms (ligatures, superscripts). Plain ASCII is
 * returned as it is, without the cost of normalising.
 */
export function withoutAccents(text: string, form: 'NFD' | 'NFKD' = 'NFD'): string {
  return PRINTABLE_ASCII.test(text) ? text : text.normalize(form).replace(MARKS, '');
}
