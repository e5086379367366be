import { withoutAccents } from '../common/accents.js';

/**
 * People as minutes name them: "Mr R W Gough (Chairman)", "Cllr. R. Crisp – Chair (RC)",
 * "Sheahan (M)", "Councillor Helen Marsh", "Dave Shipton". A name is read into its parts (title,
 * given name, initials, surname, the role it is given) so that two ways of writing one person can
 * be compared; what cannot be read as a person's name is not a name.
 */
export interface PersonName {
  /** "Mr", "Mrs", "Ms", "Miss", "Dr" as written (normalised), when given. */
  honorific?: string;
  /** "m" or "f" where the honorific says so; never guessed from a given name. */
  gender?: 'm' | 'f';
  /** The first given name written out ("Helen"), when it is. */
  given?: string;
  /** Initials of the given names, the first from `given` where there is one: ["R", "W"]. */
  initials: string[];
  /** The surname as written, in readable capitals: "O’Donoghue", "Nicholas-Letch". */
  surname: string;
  /** The surname folded for comparing: "odonoghue". */
  key: string;
  /** Named as an elected member: "Councillor", "Cllr", "County Councillor". */
  member: boolean;
  /** A role the name is given where it is written: "Chairman", "Director of Public Health". */
  role?: string;
  /** The name as written, its titles kept and what follows it left out: "Cllr. R. Crisp". */
  written: string;
}

const GENDERED: Record<string, 'm' | 'f'> = { mr: 'm', sir: 'm', mrs: 'f', ms: 'f', miss: 'f', dame: 'f', lady: 'f' };
const HONORIFICS: Record<string, string> = {
  mr: 'Mr',
  mrs: 'Mrs',
  ms: 'Ms',
  miss: 'Miss',
  dr: 'Dr',
  prof: 'Prof',
  professor: 'Prof',
  sir: 'Sir',
  dame: 'Dame',
  lady: 'Lady',
  rev: 'Rev',
  revd: 'Rev',
  canon: 'Canon',
  fr: 'Fr',
  mx: 'Mx',
};
/** Words for an elected member, in English and Irish. */
const MEMBER_TITLES = new Set(['councillor', 'councillors', 'cllr', 'cllrs', 'cllor', 'comhairleoir', 'chomhairleoir', 'cmhlr', 'clr']);
/** Words that may stand before a member title: "County Councillor", "Borough Cllr". */
const MEMBER_QUALIFIERS = new Set(['county', 'borough', 'district', 'parish', 'city', 'town', 'community', 'deputy', 'alderman']);
/** Honours after a name, left out of it. */
const POST_NOMINALS = new Set([
  'obe',
  'mbe',
  'cbe',
  'kbe',
  'dbe',
  'jp',
  'dl',
  'bem',
  'td',
  'mp',
  'mla',
  'ms',
  'mep',
  'qc',
  'kc',
  'phd',
  'mcc',
]);
/** Particles that belong to the surname after them. */
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'uí',
  'ui',
  'ní',
  'ni',
  'mac',
  'ó',
  'st',
]);

/**
 * Words that minutes print in capitals beside names but that are never part of one; a string
 * made of them ("Councillor Other Business", "Privacy Notice", "Vacancy") names nobody.
 */
const NOT_NAMES = new Set(
  (
    'a an and the of for to in on at by with from as or all any no none nil other others ' +
    'council councils committee meeting meetings minutes minute item items agenda report reports business notice privacy papers ' +
    'vacancy vacancies public members member present apologies apology absent attendance attending chair chairman chairperson ' +
    'chairwoman vice clerk mayor cathaoirleach leas deputy leader officer officers director directors executive engineer manager ' +
    'distribution highways planning police update matters arising correspondence finance accounts payments forum open declaration ' +
    'declarations interest interests group village pump magazine welcome welcomed thanks resolved seconded proposed agreed noted ' +
    'reply question questions motion motions sectoral nominees officials elected administrative acting services development housing ' +
    'community parish borough county district city town national local also received were was it that this these there they ' +
    'reading room centre center school office report none noted action actions date next closure ' +
    'against abstain abstained abstention abstentions substantive amendment carried lost total yes ' +
    'clerical staff senior assistant technical services organisation ' +
    'apologised cabinet panel board we chathaoirleach leaschathaoirleach notices'
  ).split(/[\s,]+/),
);

/** Roles a name may be given beside it, as the start of the words that give it. */
const ROLE_START =
  /^(?:(?:the\s+)?(?:vice|deputy|acting|interim|leas)[\s-]*)?(?:chair(?:man|woman|person)?|cathaoirleach|mayor|leader|cabinet\s+member|lead\s+member|portfolio\s+holder|clerk|treasurer|secretary|member\s+for|director|head|chief|manager|officer|engineer|councillor|county\s+councillor|borough\s+councillor|district\s+councillor|an\s+cathaoirleach|proper\s+officer|rfo|responsible\s+financial\s+officer)\b/i;

const NOT_LOWER_LETTERS = /[^a-z]/g;

/** Folds a word for comparing: no accents, apostrophes or hyphens, lower case. */
export function fold(word: string): string {
  return withoutAccents(word, 'NFKD').toLowerCase().replace(NOT_LOWER_LETTERS, '');
}

/** "LANKFER" → "Lankfer", "o’donoghue" → "O’Donoghue"; "McSweeney" as written. */
function readableWord(word: string): string {
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  return word.toLowerCase().replace(/(^|[-’'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

const isInitials = (token: string) => /^(?:\p{Lu}\.?){1,3}$/u.test(token) && token.replace(/\./g, '').length <= 3;
const isWord = (token: string) => /^\p{L}[\p{L}’'-]*\p{L}$/u.test(token);

/** A role written beside a name, read: "(Chairman)", "- Vice-Chair", ", An Cathaoirleach". */
function asRole(text: string): string | undefined {
  const role = text.replace(/^[\s,–—-]+|[\s,.;:]+$/g, '').replace(/\s+/g, ' ');
  return role.length >= 2 && role.length <= 120 && ROLE_START.test(role) ? role : undefined;
}

/** Ranks and offices written before a name: "Acting Director Huth", "Superintendent Kennedy". */
const LEADING_ROLES = new Set([
  'acting',
  'interim',
  'director',
  'directors',
  'chief',
  'superintendent',
  'supt',
  'sergeant',
  'sgt',
  'inspector',
  'insp',
  'garda',
  'pcso',
  'pc',
  'detective',
  'mayor',
  'senator',
  'minister',
  'commissioner',
  'chairman',
  'chair',
  'cathaoirleach',
  'an',
]);

/** A role ends where another person's name begins: "Vice Chairman Cllr S Briston". */
const cutAtNextName = (role: string) => role.split(/\s(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b)/)[0] as string;

/** Cuts what follows a name in a list entry: "Cllr B Glover. 7 members of the public", "Mrs N Cooper (Clerk) There were". */
function nameAndRest(text: string): { name: string; roles: string[] } {
  const roles: string[] = [];
  const addRole = (candidate: string) => {
    const role = asRole(cutAtNextName(candidate));
    if (role) roles.push(role);
    return role;
  };
  let name = text
    .replace(/\*\*|__|\\/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // The first bracket ends the name: within it a role, initials used as a label ("(PK)"), a given initial ("Sheahan (M)")
  // or a note ("(arrived 7.50pm)"); after it a role ("(LH) Vice-Chair") or the rest of a sentence.
  let given: string | undefined;
  const bracket = /\s*\(([^()]*)\)(.*)$/.exec(name);
  if (bracket) {
    const inside = (bracket[1] as string).trim();
    if (/^\p{Lu}\.?$/u.test(inside)) given = inside.replace('.', '');
    else addRole(inside);
    addRole(bracket[2] as string);
    name = name.slice(0, bracket.index);
  }
  // A sentence after the name: ". 7 members of the public", " There were"; an initial's full stop does not end it.
  const stop =
    /(?<!(?:^|[\s.])\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|Cllr|Revd?|Prof|Co))\.\s|\s(?:There|together|with|and\s+\d|\d+\s+members?\b)/u.exec(name);
  if (stop) name = name.slice(0, stop.index);
  // A role after a dash or comma: "Cann – Chairman", "Mr R C Love, OBE", "Donegan, An Cathaoirleach", "Crisp-Chair".
  const dash = /\s*(?:\s[–—-]|[–—]|,|-(?=(?:vice[\s-]*)?chair))\s*(.+)$/iu.exec(name);
  if (dash) {
    const role = addRole(dash[1] as string);
    if (role || (dash[1] as string).split(/[\s,]+/).every((word) => POST_NOMINALS.has(fold(word)))) name = name.slice(0, dash.index);
  }
  if (given) name = `${given} ${name}`;
  return { name: name.replace(/[\s.,;:]+$/, '').trim(), roles };
}

/** A list entry or mention with the role and notes after the name left out: "Mr R W Gough (Chairman)" → "Mr R W Gough". */
export function nameAsWritten(text: string): string {
  return nameAndRest(text).name;
}

/**
 * The name in a list entry or mention, or undefined when it does not read as one person's name
 * (a role alone, a phrase of the minutes, several people).
 */
export function parsePersonName(text: string, { maxWords = 3 }: { maxWords?: number } = {}): PersonName | undefined {
  if (text.length > 160 || /\d/.test(text.replace(/\([^)]*\)|\d+\s+members?\b.*$/gi, ''))) return undefined;
  const { name, roles } = nameAndRest(text);
  // A possessive is the person ("Councillor Benson’s"); initials run into a surname are split ("GKoopowitz").
  let tokens = name
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => token.replace(/(?<=\p{L})[’']s?$/u, ''))
    .flatMap((token) => (/^\p{Lu}\p{Lu}\p{Ll}{2,}$/u.test(token) ? [token.charAt(0), token.slice(1)] : [token]));
  const leading: string[] = [];
  let honorific: string | undefined;
  let member = false;
  const rank: string[] = [];
  // Titles before the name, in any order: "County Councillor", "Cllr. Mrs", "Mr.", "Acting Director".
  for (;;) {
    const word = fold(tokens[0] ?? '');
    if (MEMBER_TITLES.has(word)) member = true;
    else if (MEMBER_QUALIFIERS.has(word) && MEMBER_TITLES.has(fold(tokens[1] ?? '')))
      roles.push(`${readableWord(tokens[0] as string)} Councillor`);
    else if (HONORIFICS[word] && tokens.length > 1) honorific = HONORIFICS[word];
    else if (LEADING_ROLES.has(word) && tokens.length > 1) rank.push(readableWord(tokens[0] as string));
    else break;
    leading.push(tokens[0] as string);
    tokens = tokens.slice(1);
  }
  if (rank.length > 0) roles.push(rank.join(' '));
  // Another person's title ends the name: "Councillor Galvin Councillors Butler".
  const next = tokens.findIndex((token, index) => index > 0 && (MEMBER_TITLES.has(fold(token)) || HONORIFICS[fold(token)] !== undefined));
  if (next > 0) tokens = tokens.slice(0, next);
  // After initials the next word is the surname, and after it the name has ended ("Councillor M Ryan Cappamore");
  // a name has at most `maxWords` words besides its initials ("Councillor Liam Galvin Climate", in running text).
  const afterInitials = tokens.findIndex((token, index) => index > 0 && isInitials(tokens[index - 1] as string) && !isInitials(token));
  if (afterInitials > 0) tokens = tokens.slice(0, afterInitials + 1);
  let words_ = 0;
  const cut = tokens.findIndex((token) => !isInitials(token) && !PARTICLES.has(fold(token)) && (words_ += 1) > maxWords);
  if (cut > 0) tokens = tokens.slice(0, cut);
  // Honours and initials used as a label after the name: "OBE", "Jo Bruce JB".
  while (tokens.length > 1 && POST_NOMINALS.has(fold(tokens.at(-1) as string)) && /^\p{Lu}+$/u.test(tokens.at(-1) as string)) tokens.pop();
  if (tokens.length > 2 && /^\p{Lu}{2,3}$/u.test(tokens.at(-1) as string)) tokens.pop();
  // Words of the minutes run on after a name ("Councillor Colin Sampson Distribution"); a word left alone without a
  // title was not a name ("Henry Street", "Glazewing Report").
  const before = tokens.length;
  while (tokens.length > 1 && NOT_NAMES.has(fold(tokens.at(-1) as string))) tokens.pop();
  if (tokens.length < before && tokens.length === 1 && leading.length === 0) return undefined;
  if (tokens.length === 0 || tokens.length > 5) return undefined;
  // Every word of a name starts with a capital; particles aside ("de", "van").
  if (!tokens.every((token) => /^\p{Lu}/u.test(token) || PARTICLES.has(fold(token)))) return undefined;
  // Initials run together ("R.W.", "PJ") are one initial each; the last word and any particles before it are the surname.
  const words = tokens.flatMap((token) =>
    isInitials(token) && !/^\p{Lu}\p{Ll}/u.test(token) ? token.replace(/\./g, '').split('') : [token],
  );
  let surnameStart = words.length - 1;
  while (surnameStart > 1 && PARTICLES.has(fold(words[surnameStart - 1] as string))) surnameStart -= 1;
  const surnameWords = words.slice(surnameStart);
  const given_ = words.slice(0, surnameStart);
  const surname = surnameWords.map(readableWord).join(' ');
  if (!surnameWords.every((word) => isWord(word) || PARTICLES.has(fold(word)))) return undefined;
  const last = surnameWords.at(-1) as string;
  // A surname has a vowel and no capital inside it but after Mc, Mac, O’ and the like ("BCKLWN" and "ReportsCllr" are not).
  if (last.length < 2 || !/[aeiouyáéíóúàèìòùâêîôûäëïöü]/iu.test(last)) return undefined;
  if (/\p{Ll}\p{Lu}/u.test(last) && !/^(?:Mc|Mac|Fitz|De|Di|Da|Le|La|Van|Von|Ní|Uí|Ó)\p{Lu}|[-’']\p{Lu}/u.test(last)) return undefined;
  const initials: string[] = [];
  let given: string | undefined;
  for (const word of given_) {
    if (/^\p{Lu}$/u.test(word)) initials.push(word);
    else if (isWord(word) && /^\p{Lu}/u.test(word) && !NOT_NAMES.has(fold(word))) {
      if (given === undefined && initials.length === 0) given = readableWord(word);
      initials.push(fold(word).charAt(0).toUpperCase());
    } else return undefined;
  }
  if (NOT_NAMES.has(fold(last)) && !given) return undefined;
  // A word in capitals alone, with no title, is an abbreviation ("ADAPT"), not a surname.
  if (leading.length === 0 && !given && initials.length === 0 && last === last.toUpperCase()) return undefined;
  const gender = honorific ? GENDERED[fold(honorific)] : undefined;
  const role = roles[0];
  return {
    ...(honorific ? { honorific } : {}),
    ...(gender ? { gender } : {}),
    ...(given ? { given } : {}),
    initials,
    surname,
    key: fold(surname),
    member,
    ...(role ? { role } : {}),
    written: [...leading, ...tokens].join(' '),
  };
}

/** Short forms of given names that minutes use for the same person: "Dave" Shipton is "David". */
const SHORT_FORMS: Record<string, string[]> = {
  david: ['dave', 'davy'],
  michael: ['mick', 'mike', 'micheal'],
  william: ['bill', 'will', 'liam'],
  robert: ['bob', 'rob', 'bobby'],
  richard: ['dick', 'rick', 'richie'],
  james: ['jim', 'jimmy', 'jamie'],
  thomas: ['tom', 'tommy'],
  anthony: ['tony'],
  andrew: ['andy'],
  stephen: ['steve'],
  steven: ['steve'],
  joseph: ['joe'],
  peter: ['pete'],
  daniel: ['dan', 'danny'],
  nicholas: ['nick'],
  philip: ['phil'],
  christopher: ['chris'],
  christine: ['chris'],
  patrick: ['pat', 'paddy'],
  patricia: ['pat', 'trish'],
  susan: ['sue'],
  elizabeth: ['liz', 'beth', 'betty'],
  margaret: ['maggie', 'peggy'],
  catherine: ['cathy', 'kate', 'cath'],
  katherine: ['kathy', 'kate'],
  kenneth: ['ken'],
  ronald: ['ron'],
  edward: ['ed', 'eddie', 'ted'],
  edmund: ['eddie'],
  gerard: ['ger', 'gerry'],
  gerald: ['gerry'],
  jeremiah: ['jerry'],
  timothy: ['tim'],
  samuel: ['sam'],
  samantha: ['sam'],
  benjamin: ['ben'],
  alexander: ['alex'],
  jonathan: ['jon'],
  deborah: ['debbie'],
  amanda: ['mandy'],
  gertrude: ['trudy'],
  frederick: ['fred'],
  francis: ['frank'],
  matthew: ['matt'],
  raymond: ['ray'],
  terence: ['terry'],
  abigail: ['abbie'],
  rebecca: ['becky'],
  judith: ['judy'],
  josephine: ['jo'],
  joanne: ['jo'],
};
const FULL_FORMS = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(SHORT_FORMS)) {
  for (const name of [full, ...shorts]) FULL_FORMS.set(name, (FULL_FORMS.get(name) ?? new Set()).add(full));
}

/** Two given names that can name one person: the same, or a short form and its full form. */
export function sameGivenName(a: string, b: string): boolean {
  const [x, y] = [fold(a), fold(b)];
  if (x === y) return true;
  const [fx, fy] = [FULL_FORMS.get(x), FULL_FORMS.get(y)];
  return [...(fx ?? [])].some((full) => full === y || fy?.has(full)) || [...(fy ?? [])].some((full) => full === x);
}

/** What is known of a person from all the ways they are written: the union of their names' parts. */
export interface NameProfile {
  key: string;
  gender?: 'm' | 'f';
  given?: string;
  initials: string[];
}

/**
 * Whether two names can be one person: the same surname, no honorifics of different genders, no
 * given names that differ (short forms aside), and initials that agree as far as both go.
 */
export function compatibleNames(a: NameProfile, b: NameProfile): boolean {
  if (a.key !== b.key) return false;
  if (a.gender && b.gender && a.gender !== b.gender) return false;
  if (a.given && b.given && !sameGivenName(a.given, b.given)) return false;
  const shared = Math.min(a.initials.length, b.initials.length);
  for (let k = 0; k < shared; k += 1) {
    // A given name's initial is its first letter; a short form may start with another ("Bill", William).
    if (k === 0 && a.given && b.given) continue;
    if (a.initials[k] !== b.initials[k]) return false;
  }
  return true;
}

/** How much a name tells: a given name most, then each initial, then an honorific. */
export function specificity(name: NameProfile): number {
  return (name.given ? 100 : 0) + name.initials.length * 10 + (name.gender ? 1 : 0);
}

/** A name with the role and capitals it was written with set aside, to group identical ways of writing it. */
export function variantKey(name: PersonName): string {
  return [name.honorific ?? '', name.given ? fold(name.given) : '', name.initials.join(''), name.key].join('|');
}

/** A name as the archive shows it: "Helen Marsh", "Mr R W Gough", "M Sheahan", "Councillor Secas". */
export function displayName(name: Pick<PersonName, 'honorific' | 'given' | 'initials' | 'surname' | 'member'>): string {
  if (name.given) return `${name.given} ${name.initials.length > 1 ? `${name.initials.slice(1).join(' ')} ` : ''}${name.surname}`;
  const title = name.honorific ?? (name.initials.length === 0 ? (name.member ? 'Councillor' : undefined) : undefined);
  return [title, ...name.initials, name.surname].filter(Boolean).join(' ');
}
