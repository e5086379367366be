import { parsePersonName } from './person-names.js';

/**
 * Where an item's text names a person with a title ("Councillor Helen Marsh", "Mr Oakford",
 * "Cllr P. Harries"), and what it says they did: moved or seconded a motion, asked a question,
 * declared an interest, or a role it gives them ("Mr Oakford, Deputy Leader and Cabinet Member
 * for Finance, …"). Names are kept as written; who they are is decided across the council's
 * minutes (server/index/people.ts).
 */
export type PersonAct = 'named' | 'moved' | 'seconded' | 'asked' | 'declared';

export interface PersonMention {
  act: PersonAct;
  /** The name as written, with its title: "Cllr P. Harries". */
  name: string;
  /** A role the text gives the person where it names them. */
  role?: string;
}

const TITLE = String.raw`(?:(?:County|Borough|District)\s+)?(?:Councillors?|Cllrs?\.?|Cmhlr\.?|Comhairleoir|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?)`;
// Up to three initials, then one or two capitalised words; an initial is a capital with a full stop or alone.
const NAME_WORDS = String.raw`(?:\p{Lu}\.?\s?){0,3}\p{Lu}[\p{Ll}’'][\p{L}’'-]*(?:\s(?:\p{Lu}[\p{Ll}’'][\p{L}’'-]*))?`;
const NAMED = String.raw`(${TITLE}\s(?:Mrs?\.?\s|Ms\.?\s|Miss\s)?${NAME_WORDS})`;

/** A titled name anywhere in running text (matchAll copies a global pattern, so one serves every call). */
const NAMED_ANYWHERE = new RegExp(NAMED, 'gu');
const ACTS: { act: Exclude<PersonAct, 'named' | 'declared'>; pattern: RegExp }[] = [
  { act: 'moved', pattern: new RegExp(String.raw`\b(?:[Pp]roposed|[Mm]oved)\s+by:?\s+${NAMED}`, 'gu') },
  { act: 'moved', pattern: new RegExp(String.raw`\bProp(?:osed|\.)?\s*[:-]\s*${NAMED}`, 'gu') },
  { act: 'moved', pattern: new RegExp(String.raw`${NAMED},?\s+(?:proposed|moved)\b`, 'gu') },
  { act: 'seconded', pattern: new RegExp(String.raw`\b[Ss]econded\s+by:?\s+${NAMED}`, 'gu') },
  { act: 'seconded', pattern: new RegExp(String.raw`\bSec(?:onded|\.)?\s*[:-]\s*${NAMED}`, 'gu') },
  { act: 'seconded', pattern: new RegExp(String.raw`${NAMED},?\s+seconded\b`, 'gu') },
  {
    act: 'asked',
    pattern: new RegExp(
      String.raw`${NAMED},?\s+(?:asked|queried|enquired|inquired|questioned|sought\s+clarification|raised\s+(?:a|the)\s+(?:question|query|queries|questions))\b`,
      'gu',
    ),
  },
  { act: 'asked', pattern: new RegExp(String.raw`\b(?:[Qq]uestions?|[Qq]uer(?:y|ies))\s+(?:from|by|raised\s+by)\s+${NAMED}`, 'gu') },
];

const ROLE = new RegExp(
  String.raw`${NAMED},\s+((?:the\s+)?(?:(?:Deputy|Vice|Leas)[\s-])?(?:Leader|Cabinet\s+Member|Chair(?:man|woman|person)?|Mayor|Cathaoirleach|Chathaoirleach|Portfolio\s+Holder|Lead\s+Member|Member\s+for)[^.;()]{0,120}?)(?=,\s+\p{Ll}|\s+(?:introduced|said|stated|presented|reported|explained|advised|asked|responded|replied|moved|proposed|seconded|thanked|welcomed|outlined|highlighted|noted|confirmed|updated|gave|provided)\b|[.;(]|$)`,
  'gu',
);

const oneLine = (text: string) =>
  text
    .replace(/\*\*|__|\\/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every titled name in the text, and the acts and roles the text gives them; each mention once. */
export function peopleMentions(text: string, declarations: readonly string[] = []): PersonMention[] {
  const running = oneLine(text);
  const found = new Map<string, PersonMention>();
  const add = (mention: PersonMention) => {
    // The name as read, without what the pattern took after it ("Councillor Teskey Seconded", "Mr Gough’s"); what names nobody is left out.
    const name = parsePersonName(mention.name, { maxWords: 2 });
    if (!name) return;
    mention.name = name.written;
    const key = `${mention.act}|${mention.name}|${mention.role ?? ''}`;
    if (!found.has(key)) found.set(key, mention);
  };
  for (const match of running.matchAll(NAMED_ANYWHERE)) add({ act: 'named', name: match[1] as string });
  for (const { act, pattern } of ACTS) for (const match of running.matchAll(pattern)) add({ act, name: match[1] as string });
  for (const match of running.matchAll(ROLE)) add({ act: 'named', name: match[1] as string, role: (match[2] as string).trim() });
  for (const declaration of declarations) {
    for (const match of oneLine(declaration).matchAll(NAMED_ANYWHERE)) add({ act: 'declared', name: match[1] as string });
  }
  return [...found.values()];
}
