/**
 * Finders for the personal data staff type into free text: mainland phone numbers, resident ID numbers,
 * bank card numbers and e-mail addresses. They read the folded shadow of the text (shadow.ts) and err
 * towards finding: a mistyped ID number (wrong check character) is still someone's ID number. What
 * keeps them from eating dates, amounts, counts and ids is structure: lengths, prefixes, a real birth
 * date, a Luhn check, and never starting or ending inside a longer run of digits or letters.
 */
export type PersonalDataKind = 'email' | 'name' | 'idNumber' | 'bankCard' | 'phone';

/** A UUID, kept whole: its digit groups must never read as a card or a phone number. */
const UUID = /(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-])/g;

export interface Found {
  kind: PersonalDataKind;
  /** UTF-16 offsets in the shadow text, end exclusive. */
  start: number;
  end: number;
}

/** Not inside a longer run of digits or Latin letters (Chinese text around a number is fine). */
const BEFORE = '(?<![0-9A-Za-z])';
const AFTER = '(?![0-9A-Za-z])';
const SEP = '[ -]?';

/** GB/T 2260 province-level codes that open a resident ID number (83: Taiwan residence permits). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function digitsOf(match: string): string {
  return match.replace(/[^0-9Xx]/g, '');
}

/**
 * A resident ID number (GB 11643): 18 characters (17 digits and a check digit or X), the same without
 * its check character, or the old 15-digit form (two-digit year of the 1900s, no check character);
 * groups may be split by a space or hyphen (6-8-4). It must open with a province and hold a real
 * birth date; the check character itself is not required to be right.
 */
const ID_NUMBER = new RegExp(`${BEFORE}[1-8]\\d{5}${SEP}(?:(?:18|19|20)\\d{2}\\d{4}${SEP}\\d{3}[0-9Xx]?|\\d{6}${SEP}\\d{3})${AFTER}`, 'g');

function isIdNumber(match: string): boolean {
  const id = digitsOf(match);
  if (!PROVINCES.has(id.slice(0, 2))) return false;
  if (id.length === 15) return realDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
  if (id.length !== 17 && id.length !== 18) return false;
  const year = Number(id.slice(6, 10));
  return year >= 1800 && realDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

/** 16 to 19 digits, written together or in groups (4-4-4-4[-1..3], or 6 and the rest), that pass the Luhn check. */
const BANK_CARD = new RegExp(`${BEFORE}(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?|\\d{6}[ -]\\d{10,13})${AFTER}`, 'g');

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const COUNTRY = '(?:\\(?(?:\\+|00)86\\)?[ -]?|86[ -]?)';
/** A mainland mobile number: 1, then 3-9, then nine digits (3-4-4 groups allowed), with or without +86. */
const MOBILE = new RegExp(`${BEFORE}${COUNTRY}?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}${AFTER}`, 'g');

/** Area codes: 010, 02x, and 0 with three digits from 3 to 9 (0755, 0571, ...). */
const AREA = '(?:10|2\\d|[3-9]\\d{2})';
/** A local number: 7 or 8 digits that do not start with 0 or 1, maybe split in two. */
const LOCAL = '[2-9]\\d{2,3}[ -]?\\d{4}';
const EXTENSION = '(?:(?:[-#转]|\\s?ext\\.?\\s?)\\d{1,6})?';
/**
 * A landline with its area code: 0755-2345678, (010)87654321, 021 8765 4321, 02187654321, +86 10 8765 4321,
 * with an extension (-123, 转123, #123, ext. 123).
 */
const LANDLINE = new RegExp(`${BEFORE}(?:\\(0${AREA}\\)|0${AREA}|${COUNTRY}${AREA})${SEP}${LOCAL}${EXTENSION}${AFTER}`, 'g');
/** A local number without its area code, only right after a word that says it is one (电话：8765 4321). */
const LABELLED_LOCAL = new RegExp(
  `(?<=(?:电话|座机|手机|热线|联系方式|联系|tel|phone)[\\s:：是为号码]{0,4})${LOCAL}${EXTENSION}${AFTER}`,
  'gi',
);

/** An e-mail address (ASCII, the forms staff type: name.surname+tag@mail.example.cn). */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

export interface Finder {
  /** `keep`: a span no other finder may claim. */
  kind: PersonalDataKind | 'keep';
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

/**
 * In order of precedence: where two finds overlap, the earlier finder's wins. UUIDs are kept; an e-mail first (its local
 * part may be a phone number or QQ number), then the names given, then ID numbers (an 18-digit ID may
 * pass the Luhn check), then cards, then phones.
 */
const FIRST: Finder[] = [
  { kind: 'keep', pattern: UUID },
  { kind: 'email', pattern: EMAIL },
];
const THEN: Finder[] = [
  { kind: 'idNumber', pattern: ID_NUMBER, accept: isIdNumber },
  { kind: 'bankCard', pattern: BANK_CARD, accept: (match) => luhnValid(digitsOf(match)) },
  { kind: 'phone', pattern: MOBILE },
  { kind: 'phone', pattern: LANDLINE },
  { kind: 'phone', pattern: LABELLED_LOCAL },
];

/** Every piece of personal data in the (shadow) text, by the first finder that claims it; `names` finds the people concerned. */
export function findPersonalData(text: string, names: Finder[] = []): Found[] {
  const claimed: { kind: Finder['kind']; start: number; end: number }[] = [];
  const overlaps = (start: number, end: number) => claimed.some((f) => start < f.end && f.start < end);
  for (const { kind, pattern, accept } of [...FIRST, ...names, ...THEN]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if ((accept && !accept(match[0])) || overlaps(start, end)) continue;
      claimed.push({ kind, start, end });
    }
  }
  return claimed.filter((f): f is Found => f.kind !== 'keep');
}
