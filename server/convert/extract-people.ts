import type { Officer } from '../minutes/schema.js';
import { plainLine } from './clean-text.js';

/** Who attended a meeting, as the minutes list them. */
export interface Attendance {
  present: string[];
  apologies: string[];
  inAttendance: string[];
}

/** Words that begin or make a staff title; a name never contains them. */
const ROLE_WORD = String.raw`(?:Director|Head|Chief|Manager|Officer|Clerk|Senior|Assistant|Executive|Deputy|Interim|Acting|A\/|Strategic|Corporate|Principal|Lead|Service|Superintendent|Inspector|Sergeant|Sgt|Garda|Engineer|Planner|Administrator|Co-?ordinator|Consultant|Solicitor|Treasurer|Secretary|Commissioner|General Counsel|Monitoring|Analyst|Social Worker|Headteacher|Nurse|Designated|Participation|Democratic|Area|Meetings|Staff|Clerical|Programme|Project|Policy|Team|PCSO|Police|Handyman|Warden|Architect|Accountant)`;
const ROLE_START = new RegExp(String.raw`^${ROLE_WORD}\b`);
const ROLE_ANYWHERE = new RegExp(String.raw`\b${ROLE_WORD}\b`);
/** Roles held by elected members, who are councillors and not officers. */
const MEMBER_ROLE =
  /\b(?:Chair(?:man|woman|person)?|Vice[- ]Chair\w*|Mayor|Leader|Cabinet Member|Cabinet member|Councillor|Cllr|Cathaoirleach|Member|MP|TD|T\.D\.|Senator|Deputy Leader)\b/;
const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Sgt|Sergeant|Inspector|Superintendent|Chief Superintendent)\.?`;
// Words are bounded in length, so that a run of capitals or hyphens is read in linear time.
const FORENAME = String.raw`[A-Z][a-z’'-]{1,30}`;
const INITIALS_OR_FORENAME = String.raw`(?:[A-Z]\.?\s*){0,3}(?:${FORENAME}\s+)?`;
const SURNAME = String.raw`(?:O[’'] ?|Mc|Mac)?[A-Z][A-Za-zÀ-ÿ’'-]{1,40}`;
/** "Mrs S Hammond", "Mr. K. Lehane", "Ann James", "McKay". */
const PERSON = String.raw`(?:${HONORIFIC}\s+)?${INITIALS_OR_FORENAME}${SURNAME}`;
const PERSON_ONLY = new RegExp(String.raw`^${PERSON}$`);
const VERBS = String.raw`(?:introduced|presented|explained|said|responded|advised|confirmed|reported|stated|noted|added|informed|undertook|highlighted|clarified|replied|outlined|gave|provided|welcomed|thanked|updated|referred|agreed|answered|told)`;

const ATTENDANCE_LABEL =
  /\b(PRESENT IN THE CHAIR|IN THE CHAIR|MEMBERS PRESENT|MEMBERS IN ATTENDANCE|OIREACHTAS MEMBERS|MEMBERS OF AN GARDA S[IÍ]OCH[AÁ]NA|MEMBERS|ALSO PRESENT|ALSO,? IN ATTENDANCE|OFFICIALS IN ATTENDANCE|OFFICIALS PRESENT|IN ATTENDANCE VIRTUALLY|IN ATTENDANCE|GARDA NOMINATIONS|SECTORAL INTERESTS?|APOLOGIES|THOSE ATTENDING|PRESENT|CLERK|OTHERS)\b\s*(?:\([^)]{0,100}\))?\s*(?:[:.]\s*-?|(?<=S[IÍ]OCH[AÁ]NA)(?=\s))/giu;
/** A heading that needs no colon ("MEMBERS OF AN GARDA SÍOCHÁNA") is one only in capitals, not in a sentence ("members of An Garda Síochána"). */
const isLabel = (label: RegExpMatchArray) => /[:.]\s*-?$/.test(label[0]) || label[1] === label[1]!.toUpperCase();

/** "Role (Mr. Name, Role (Ms. Name)": the first bracket left open; the entries are "Role (Mr. Name)" and "Role (Ms. Name)". */
const UNCLOSED_BRACKET = /^([^()]+\((?:Mr|Mrs|Ms|Miss|Dr)\.?\s[^(),]+),\s*([^()]+\([^()]+\))$/;

/** "Director of Service Mr Seamus O’ Connor": one line's role run into the next line's name, split before the honorific. */
const BEFORE_HONORIFIC = /\s+(?=(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+\p{Lu})/u;

function kindOfList(label: string): keyof Attendance | 'other' {
  const upper = label.toUpperCase();
  if (upper.startsWith('APOLOGIES')) return 'apologies';
  // "MEMBERS IN ATTENDANCE" are the councillors present; "MEMBERS OF AN GARDA SÍOCHÁNA" attend.
  if (/^MEMBERS\b(?! OF AN GARDA)/.test(upper)) return 'present';
  // "Others" are officials at Cleveland's Board of Control; members listed there are no officers and stay out.
  if (/OFFICIALS|ATTENDANCE|GARDA|CLERK|OTHERS/.test(upper)) return 'inAttendance';
  if (/SECTORAL/.test(upper)) return 'other';
  return 'present';
}

/** Splits "A (Role, with comma), B and C" into entries, never inside brackets. */
export function splitList(text: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  const flush = () => {
    const entry = current
      .replace(/^(?:and|&)\s+/i, '')
      .replace(/[\s.;,]+$/, '')
      .trim();
    if (entry) entries.push(entry);
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    const rest = text.slice(i);
    if (depth === 0 && (char === ';' || (char === ',' && !/^,\s*(?:OBE|MBE|CBE|T\.?D\.?|Jr)/.test(rest)))) {
      flush();
    } else if (depth === 0 && /^\s+and\s+/.test(rest) && current.trim() !== '') {
      flush();
      i += /^\s+and\s+/.exec(rest)![0].length - 1;
    } else {
      current += char;
    }
  }
  flush();
  return entries;
}

/** The attendance lists of a meeting, read from the running text of its opening. */
export function extractAttendance(opening: string): Attendance {
  const attendance: Attendance = { present: [], apologies: [], inAttendance: [] };
  const labels = [...opening.matchAll(ATTENDANCE_LABEL)].filter(isLabel);
  labels.forEach((label, k) => {
    const kind = kindOfList(label[1]!);
    if (kind === 'other') return;
    const end = labels[k + 1]?.index ?? opening.length;
    // A list ends with its sentence; what follows is the meeting's business.
    const text = opening
      .slice(label.index + label[0].length, end)
      .split(/\.\s+(?=[A-Z][a-z]+\s+[a-z]|The\s)/)[0]!
      // "… Purchases and Supplies. C. Whitaker, Acting Director, …": a sentence per officer; a full stop before initials ends an entry.
      .replace(/(?<![\s(]\p{Lu}|\b(?:Mr|Mrs|Ms|Miss|Dr|St))\.\s+(?=(?:\p{Lu}\.\s*){1,3}\p{Lu}\p{Ll})/gu, '; ');
    // "Director, Environment and Water (Mr. K. Lehane), …": each entry ends with its bracket, roles hold commas.
    const roleThenName = /\((?:Mr|Mrs|Ms|Miss|Dr)\.?\s/.test(text);
    // A run without brackets after the last one ("… (Ms. A. Lenihan) Superintendent A. Magner, Inspector A. Lacey") is a plain list.
    const entries = roleThenName
      ? text
          .split(/(?<=\))\s*(?:[,;]\s*)?(?:and\s+)?/)
          // "A/Senior Executive Officer (Mr. J. Clune, Staff Officer (Ms. L. Creamer)": a bracket the text lost the end of.
          .flatMap((entry) => {
            const open = UNCLOSED_BRACKET.exec(entry);
            return open ? [`${open[1]!})`, open[2]!] : [entry];
          })
          .flatMap((entry) => (entry.includes('(') ? [entry] : splitList(entry)))
          .map((entry) => entry.trim().replace(/[.,;]$/, ''))
      : splitList(text).flatMap((entry) => entry.split(BEFORE_HONORIFIC));
    attendance[kind].push(...entries.filter((entry) => entry !== '' && entry.length <= 120));
  });
  return attendance;
}

const LEADING_HONORIFIC = new RegExp(String.raw`^${HONORIFIC}\s+`);

function isPersonName(text: string): boolean {
  // "Sgt. B. Leetch": the rank before the name is a title, like "Mr".
  const bare = text.trim().replace(LEADING_HONORIFIC, '');
  // After a title and initials the last word is a surname, whatever else it reads as ("Mrs C Head").
  const titled = bare !== text.trim() && /^(?:\p{Lu}\.?\s+){1,3}\S+$/u.test(bare);
  return (
    PERSON_ONLY.test(text.trim()) &&
    !/^\p{Lu}{1,4}$/u.test(text.trim()) &&
    !ROLE_ANYWHERE.test(titled ? bare.replace(/\S+$/, '') : bare) &&
    !MEMBER_ROLE.test(text) &&
    text.split(/\s+/).length <= 5
  );
}

/** A role reads as words: not initials standing for a name ("PB"), an agenda reference ("Item 2") or a running phrase ("to be referred …"). */
function isRole(text: string): boolean {
  return /^\p{Lu}/u.test(text) && !/^\p{Lu}{1,4}$/u.test(text) && !/^Item\s+\d/i.test(text);
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
}

/** An attendance entry read as an officer: "Dr A Ghosh (Director of Public Health)" or "Senior Engineer (Mr. V. Murray)". */
export function officerFromEntry(entry: string): Officer | undefined {
  const bracketed = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(entry);
  if (bracketed) {
    const [outside, inside] = [tidy(bracketed[1]!), tidy(bracketed[2]!)];
    if (isPersonName(outside) && isRole(inside) && !MEMBER_ROLE.test(inside)) return { name: outside, role: inside };
    if (isPersonName(inside) && isRole(outside) && !MEMBER_ROLE.test(outside)) return { name: inside, role: outside };
    return undefined;
  }
  // "Kevin Kasaven, Director of …", "Superintendent A. Magner".
  const comma = /^([^,]+),\s*(.+)$/.exec(entry);
  if (comma && isPersonName(comma[1]!) && ROLE_START.test(comma[2]!) && !MEMBER_ROLE.test(comma[2]!))
    return { name: tidy(comma[1]!), role: tidy(comma[2]!) };
  const rank = /^((?:Chief )?Superintendent|Inspector|Sergeant|Sgt\.?|Garda|Detective Sergeant)\s+(.+)$/.exec(entry);
  if (rank && isPersonName(rank[2]!)) return { name: tidy(rank[2]!), role: rank[1]! };
  // "T. Hannafin C.O.": a rank abbreviated after the name.
  const abbreviated = /^(.+?)\s+((?:\p{Lu}\.){1,3}\p{Lu}\.?)$/u.exec(entry);
  if (abbreviated && isPersonName(abbreviated[1]!) && !/^(?:T\.?D|M\.?P|M\.?E\.?P)\.?$/.test(abbreviated[2]!)) {
    return { name: tidy(abbreviated[1]!), role: abbreviated[2]!.replace(/(?<=\p{Lu})$/u, '.') };
  }
  return undefined;
}

/**
 * "William Williamson, Acting Commissioner, Purchases and Supplies, Alvin Fore, …": a
 * name whose role, holding commas, was cut into the entries after it, up to the next name.
 */
function officerFromSplitEntry(entries: readonly string[], k: number): Officer | undefined {
  const next = entries[k + 1] ?? '';
  // "Transportation Planner", "Administrative Officer": a short title with a staff word anywhere in it.
  const titleNext =
    ROLE_START.test(next) ||
    (ROLE_ANYWHERE.test(next) &&
      next.split(/\s+/).length <= 6 &&
      !isPersonName(next) &&
      !/[()]/.test(next) &&
      !LEADING_HONORIFIC.test(next));
  if (/\((?:Mr|Mrs|Ms|Miss|Dr)\.?\s/.test(next)) return undefined;
  if (!isPersonName(entries[k]!) || !titleNext) return undefined;
  const role: string[] = [];
  // A one-word entry ("Purchases") is part of the role; the next person has a forename or title.
  // Where names carry a title ("Ms. Ciara Farrell"), the role runs to the next titled name ("…, Community Supports").
  const titled = LEADING_HONORIFIC.test(entries[k]!);
  const nextPerson = (entry: string) =>
    (titled ? LEADING_HONORIFIC.test(entry) : isPersonName(entry) && entry.includes(' ')) ||
    MEMBER_ROLE.test(entry) ||
    RANK_BEFORE_NAME.test(entry);
  for (let j = k + 1; j < entries.length && !nextPerson(entries[j]!); j++) role.push(entries[j]!);
  return role.length === 0 || MEMBER_ROLE.test(role.join(' ')) ? undefined : { name: tidy(entries[k]!), role: role.join(', ') };
}

/** "Inspector Gary Thompson", "Superintendents Paul Reidy": a rank before a name opens the next person, never a role's words. */
const RANK_BEFORE_NAME = /^(?:(?:Chief|Detective)\s+)?(?:Superintendent|Inspector|Sergeant|Sgt\.?|Garda|PCSO)(?:[’']?s)?\s+\p{Lu}/u;

/** Words of a department's or place's name ("Economic Development", "Limerick Division", "Forward Planning"), which reads like a forename and surname. */
const UNIT_WORD =
  /\b(?:Development|Planning|Division|Department|Directorate|Services?|Capital|Housing|Regeneration|Economic|Council|Authority|District|County|Community|Team|Unit|Office|Section|Highways|Transport|Finance|Mr|Mrs|Ms|Miss|Dr)\b/;

/** A name without a title or initials that is a unit's name. */
function readsAsUnit(name: string): boolean {
  return !LEADING_HONORIFIC.test(name) && !/^(?:\p{Lu}\.\s*)+/u.test(name) && UNIT_WORD.test(name);
}

/** "Mr Watts (General Counsel)" in running text. */
const NAME_THEN_BRACKETED_ROLE = new RegExp(String.raw`\b(${PERSON})\s*\(([^()]{3,90})\)`, 'g');
/** "Pauline Armour, Head of Service, Early Help (interim) and Kerry Crichlow, Director Strategy & Commissioning, presented". */
const NAME_THEN_ROLE = new RegExp(
  String.raw`\b((?:${HONORIFIC}\s+)?${FORENAME}\s+${SURNAME}),\s+(${ROLE_WORD}\b[^.;]{0,90}?)(?=,\s+(?:who\s+)?${VERBS}\b|\s+${VERBS}\b|\s+and\s+[A-Z][a-z]{1,30}\s+[A-Z][a-z’'-]{1,40},|\.\s)`,
  'g',
);
/** The words that end a staff title made of other words: "Highways Engineer", "Compliance Manager", "Crime Prevention Officer". */
const STAFF_NOUN = String.raw`(?:Officer|Manager|Engineer|Planner|Director|Clerk|Commissioner|Superintendent|Inspector|Warden|Co-?ordinator|Administrator|Accountant|Architect|Solicitor|Analyst|Consultant|Adviser|Advisor|Surveyor|Ranger)`;
/** A title of up to four capitalised words that ends in a staff noun. */
const STAFF_TITLE = String.raw`(?:[A-Z][\w’'&/-]{0,30}\s+){0,4}${STAFF_NOUN}`;
const NAMED = String.raw`(?:${HONORIFIC}\s+)?(?:(?:[A-Z]\.\s*){1,3}|${FORENAME}\s+)${SURNAME}`;
/** "Andy Wallace, Highways Engineer, again", "Mr. E. R. Thomas, Public Transport Network Manager and": the title ends at its staff noun. */
const NAME_THEN_STAFF_TITLE = new RegExp(String.raw`\b(${NAMED}),\s+(${STAFF_TITLE})\b(?=\s*[,.;)]|\s+(?:and|who|${VERBS})\b)`, 'g');
/** "the Crime Prevention Officer, Bernie Leach, had", "Highways, Area Engineer, Mr. G. Simpson agreed": the title before the name. */
const STAFF_TITLE_THEN_NAME = new RegExp(String.raw`\b(${STAFF_TITLE}),\s+(${NAMED})\b(?=\s*[,.;]|\s+(?:who|${VERBS})\b)`, 'g');
/** "The Head of Early Help and Targeted Services introduced", "a report of the Strategic Director of …". */
const ROLE_ONLY = new RegExp(
  String.raw`\b(?:[Tt]he|[Rr]eport of the)\s+((?:(?:Interim|Acting|Deputy|Assistant|Strategic|Executive|Corporate)\s+){0,4}(?:Director|Head|Chief Executive|Clerk)\b(?:,?\s+(?:of|and|for|the|in|&|(?!(?:This|The|It|He|She|They|We|Members|Officers)\b)[A-Z][\w’'&-]{0,40})){0,16})(?=,?\s+[a-z]|[.;:)]|$)`,
  'g',
);

/**
 * A rank or title before a name in running text: "Sergeant G. Thompson", "Garda C. Healy",
 * "Inspector Sandra Heelan", "PCSO Sara Wilson", "PCSO’s Roger Anthony and Louise Lewis",
 * "Police Community Support Officer Sophie Watson". A Garda is named with initials, since
 * "Garda Station" and "Garda Patrols" read the same as a forename and surname.
 */
const RANK_THEN_NAME = new RegExp(
  String.raw`\b(?:(Chief Superintendent|Superintendent|Detective Sergeant|Detective Inspector|Sergeant|Sgt\.?|Inspector|PCSO|Police Community Support Officer)(?:[’']?s)?\s+((?:[A-Z]\.\s*){1,3}${SURNAME}|[A-Z][a-z]{1,30}\s+${SURNAME})(?:\s+and\s+([A-Z][a-z]{1,30}\s+${SURNAME}))?|(Garda)\s+((?:[A-Z]\.\s*){1,3}${SURNAME}))`,
  'g',
);

/** Officers named after their rank in running text. */
export function rankedNames(text: string): Officer[] {
  const officers: Officer[] = [];
  for (const match of text.matchAll(RANK_THEN_NAME)) {
    const role = (match[1] ?? match[4]!).replace(/^Police Community Support Officer$/, 'PCSO');
    for (const name of [match[2] ?? match[5], match[3]]) if (name && isPersonName(name)) officers.push({ name: tidy(name), role });
  }
  return officers;
}

/** The clerk paid in the accounts: "ii) Mrs J. Davies, Clerk’s Salary July 2015, Chq No 1141". */
const CLERK_PAID = new RegExp(String.raw`\b(${PERSON}),?\s+Clerk[’']?s\s+(?:[\w-]+\s+){0,3}?(?:Salary|Wages|Expenses|Pay)\b`, 'g');

/** The clerk under a label, run into what follows: "Clerk: - Sarah Thorpe Sandra Squire (SS) – Borough Councillor", "Clerk: Sarah Thorpe Email: …". */
const CLERK_LABEL = new RegExp(String.raw`\bClerk\s*:\s*[-–]?\s*((?:${HONORIFIC}\s+)?(?:[A-Z]\.?\s*){0,2}${FORENAME}\s+${SURNAME})`, 'g');

/** The clerk listed with those present, the name ending the line: "Clerk J Connelly", "P Moran Clerk J Connelly", "Parish Clerk Mrs J M Markwell". */
const CLERK_ENDING_LINE = new RegExp(
  String.raw`(?:^|\s)((?:Parish\s+|Town\s+)?Clerk(?:\s+(?:and|&)\s+RFO)?)\s+((?:${HONORIFIC}\s+(?:[A-Z]\.?\s+){0,3}|(?:[A-Z]\.?\s+){1,3})(?:O[’'] ?|Mc|Mac)?[A-Z][a-z][A-Za-z’'-]{0,40})$`,
);

/** The clerk named only as the payee of the clerk's salary, under a "Clerk:" label, or at the end of an attendance line. */
export function namedClerks(text: string, lines: readonly string[] = []): Officer[] {
  const clerks = [...text.matchAll(CLERK_PAID), ...text.matchAll(CLERK_LABEL)]
    .filter((match) => isPersonName(match[1]!))
    .map((match) => ({ name: tidy(match[1]!), role: 'Clerk' }));
  for (const line of lines) {
    const match = CLERK_ENDING_LINE.exec(plainLine(line));
    if (match && isPersonName(match[2]!)) clerks.push({ name: tidy(match[2]!), role: match[1]! });
  }
  return clerks;
}

/** Where Cleveland's Board of Control names its directors: "Present: …", "Absent: …", "By Director Hyer." */
const TITLED_LIST = /\b(?:Present:|Absent:|By)\s+([^.]+)/g;
/** A director's title, which covers the surnames after it: "Acting Directors Martin, Carmody, Directors Staib". */
const DIRECTOR_TITLE = /^((?:Acting\s+)?Director)s?\s+(.+)$/;

/** Directors named by title and surname in the Board of Control's lists and sponsor lines. */
export function titledLists(text: string): Officer[] {
  const officers: Officer[] = [];
  for (const list of text.matchAll(TITLED_LIST)) {
    let title: string | undefined;
    for (const entry of list[1]!.split(/,\s*|\s+and\s+/)) {
      const titled = DIRECTOR_TITLE.exec(entry.trim());
      // Any other title (the Mayor, a Councilman) is an elected member's, and ends the run.
      if (titled) title = titled[1]!;
      else if (!/^[A-Z][\w’'-]+$/.test(entry.trim())) title = undefined;
      const name = titled ? titled[2]! : entry.trim();
      if (title && /^[A-Z][\w’'-]+$/.test(name)) officers.push({ name, role: title });
    }
  }
  return officers;
}

/** A notice signed off in capitals: "JEFFREY B. MARKS, Secretary", "EUGENE CRANFORD, JR., Secretary". */
const SIGNATORY =
  /\b([A-Z][A-Z’'-]{1,30}(?:\s+[A-Z]\.){0,3}(?:\s+[A-Z][A-Z’'-]{1,30}){1,4}(?:,\s+JR\.)?),\s+(Secretary|President|Clerk|Commissioner|Director)\b/g;

/** The officials who sign the gazette's notices. */
export function signatories(text: string): Officer[] {
  return [...text.matchAll(SIGNATORY)].map((match) => ({ name: match[1]!, role: match[2]! }));
}

/** A key under which two mentions of one person meet: the surname. */
export function personKey(name: string): string {
  const words = name.replace(/[.’']/g, ' ').trim().split(/\s+/);
  return (words.at(-1) ?? '').toLowerCase();
}

const INSTRUCTION = /\bto\s+(?!the\b)\p{Ll}/u;

/** The first letter of a name's forename or first initial ("Mr. D. O’Connor" → "d", "Sergeant Rosaleen O’Connor" → "r"); none for a surname alone. */
function firstInitial(name: string): string | undefined {
  const words = name
    .trim()
    .replace(LEADING_HONORIFIC, '')
    .split(/[\s.]+/)
    .filter(Boolean);
  return words.length > 1 ? words[0]![0]!.toLowerCase() : undefined;
}

/** Two spellings of one surname: four letters or more, one letter added, dropped or changed ("ghosh", "gosh"). */
export function spellingVariant(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // After the first difference the rest must agree, with one letter skipped in the longer word, or in both where they are as long.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i + (long.length === short.length ? 1 : 0));
}

/**
 * A list of officers that keeps one entry a person and, for the unnamed, one a role; each addition
 * costs the same however long the list. Two names are one person when they share a surname and
 * their first initials do not differ ("Mr. K. Lehane", "Kieran Lehane", "Lehane"); "Mr B Kennedy"
 * and "Superintendent Ollie Kennedy" are two.
 */
function officerList(): { officers: Officer[]; add: (officer: Officer) => void } {
  const officers: Officer[] = [];
  const initialsBySurname = new Map<string, Set<string | undefined>>();
  const roles = new Set<string | undefined>();
  /** The surnames of the named officers holding each role. */
  const surnamesByRole = new Map<string, string[]>();
  const known = (name: string, role: string | undefined) => {
    const initials = initialsBySurname.get(personKey(name));
    const initial = firstInitial(name);
    if (initials !== undefined && (initial === undefined || initials.has(undefined) || initials.has(initial))) return true;
    // "Dr A Ghosh (Director of Public Health)" in the list, "Dr Gosh (Director of Public Health)" in the text: one person, spelt twice.
    const holders = role ? surnamesByRole.get(role.toLowerCase()) : undefined;
    return holders?.some((surname) => spellingVariant(surname, personKey(name))) ?? false;
  };
  const add = (officer: Officer) => {
    if (officer.name ? known(officer.name, officer.role) : roles.has(officer.role?.toLowerCase())) return;
    // "Rural Transport, Clerk to forward to Councillors": an instruction to the clerk, not a title ("Clerk to the Council").
    if (officer.role && INSTRUCTION.test(officer.role)) return;
    if (officer.name) {
      const initials = initialsBySurname.get(personKey(officer.name)) ?? new Set();
      initialsBySurname.set(personKey(officer.name), initials.add(firstInitial(officer.name)));
      if (officer.role) {
        const role = officer.role.toLowerCase();
        surnamesByRole.set(role, [...(surnamesByRole.get(role) ?? []), personKey(officer.name)]);
      }
    }
    roles.add(officer.role?.toLowerCase());
    officers.push(officer);
  };
  return { officers, add };
}

/**
 * Officers named with a role, in the shapes the minutes use: attendance lists
 * first (they are the fullest), then mentions in the text (`lines`, the lines it
 * was joined from, where a line's end ends a name). A role without a name is
 * kept only when no named officer holds it.
 */
export function extractOfficers(attendance: Attendance, text: string, lines: readonly string[] = []): Officer[] {
  const { officers, add } = officerList();
  // A role cut into entries ends with its own list; officers sending apologies are named with their roles too.
  for (const entries of [attendance.inAttendance, attendance.present, attendance.apologies]) {
    entries.forEach((entry, k) => {
      const officer = officerFromEntry(entry) ?? officerFromSplitEntry(entries, k);
      if (officer) add(officer);
    });
  }
  for (const match of text.matchAll(NAME_THEN_BRACKETED_ROLE)) {
    const [name, role] = [tidy(match[1]!), tidy(match[2]!)];
    // "Public Bodies (Admission to Meetings) Act" is a law.
    const law = /^\s*Act\b/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 5));
    if (isPersonName(name) && isRole(role) && ROLE_ANYWHERE.test(role) && !MEMBER_ROLE.test(role) && !law) add({ name, role });
  }
  for (const match of text.matchAll(NAME_THEN_ROLE)) {
    const [name, role] = [tidy(match[1]!), tidy(match[2]!)];
    if (isPersonName(name) && isRole(role) && !MEMBER_ROLE.test(role)) add({ name, role });
  }
  const titled = [
    ...[...text.matchAll(NAME_THEN_STAFF_TITLE)].map((match) => ({ name: tidy(match[1]!), role: tidy(match[2]!) })),
    ...[...text.matchAll(STAFF_TITLE_THEN_NAME)].map((match) => ({ name: tidy(match[2]!), role: tidy(match[1]!) })),
  ];
  for (const officer of titled)
    if (isPersonName(officer.name) && !MEMBER_ROLE.test(officer.role) && !readsAsUnit(officer.name)) add(officer);
  for (const officer of [...titledLists(text), ...signatories(text), ...rankedNames(text), ...namedClerks(text, lines)]) add(officer);
  const named = officers.filter((officer) => officer.name);
  // "the Chief Executive, in …", "the Clerk for …": a role ends before a dangling connective; each role is weighed once.
  const rolesOnly = new Set(
    [...text.matchAll(ROLE_ONLY)].map((match) => tidy(match[1]!.replace(/(?:,?\s+(?:of|and|for|the|in|&|Mr|Mrs|Ms|I))+$/, ''))),
  );
  for (const role of rolesOnly) {
    const heldByNamed = named.some(
      (officer) =>
        officer.role &&
        (officer.role.toLowerCase().includes(role.toLowerCase()) || role.toLowerCase().includes(officer.role.toLowerCase())),
    );
    const words = role.split(' ').length;
    if (!heldByNamed && words >= 2 && words <= 12) add({ role });
  }
  return officers;
}

const COUNCILLOR =
  /\b(?:(?:County|Borough|District|Parish)\s+)?(?:Councillors?|Cllrs?\.?|Cmhlr\.?)\s+((?:\p{Lu}\.\s*){0,3}(?:\p{Lu}[\p{Ll}’'-]{0,30}\s+){0,2}(?:O[’'] ?|Mc|Mac)?\p{Lu}[\p{L}’'-]{1,40})/gu;

/** Elected members mentioned in a text, as "Councillor Stone". */
export function extractCouncillors(text: string): string[] {
  const found = new Map<string, string>();
  for (const match of text.matchAll(COUNCILLOR)) {
    const name = tidy(match[1]!);
    if (/^(?:The|And|Of|For|Were|Was|Had|Has)$/.test(name)) continue;
    const key = personKey(name);
    if (!found.has(key)) found.set(key, `Councillor ${name}`);
  }
  return [...found.values()];
}
