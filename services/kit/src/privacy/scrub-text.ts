import { findPersonalData, type PersonalDataKind } from './detectors';
import { nameFinders } from './names';
import { shadowOf } from './shadow';

/**
 * What stands in an event where personal data was: ASCII, upper case, in square brackets, the same in
 * every language and every event, so a consumer can count or strip them (`/\[[A-Z_]+\]/`). The
 * catalogue (docs/events.md, "No personal data") shows them.
 */
export const PLACEHOLDERS: Readonly<Record<PersonalDataKind | 'withheld', string>> = {
  phone: '[PHONE]',
  idNumber: '[ID_NUMBER]',
  bankCard: '[BANK_CARD]',
  email: '[EMAIL]',
  name: '[NAME]',
  /** The whole text, where the schema says it is withheld (x-scrubbed withheldWhen). */
  withheld: '[WITHHELD]',
};

/** What each placeholder stands for, as the catalogue tells consumers (examples of what is found, and what is not). */
export const PLACEHOLDER_MEANINGS: Readonly<Record<keyof typeof PLACEHOLDERS, string>> = {
  phone:
    'a mainland mobile number (11 digits from 13x to 19x, also grouped 3-4-4, with +86 or 0086), a landline with its area code (010-87654321, (0755)2345678, 021 8765 4321, with an extension), or a 7-8 digit local number right after 电话, 座机, 手机, 热线, 联系 or tel',
  idNumber:
    'a resident ID number (GB 11643): 18 characters ending in a digit or X, whether or not the check character is right, the 17 digits without it, or the old 15-digit form; it must open with a province code and hold a real birth date',
  bankCard: 'a bank card number: 16 to 19 digits, together or grouped by fours (or 6 and the rest), that pass the Luhn check',
  email: 'an e-mail address',
  name: "the name of a person the change concerns (an agreement's liaisons, ...), also with blanks between its characters or another joiner (·, •, -)",
  withheld: 'the whole text, where the schema withholds it (a household in difficulty is named in it)',
};

export interface ScrubOptions {
  /** Names of the people the change concerns (members, liaisons), replaced wherever they appear. */
  names?: readonly string[];
}

/**
 * The text with phone numbers, resident ID numbers, bank card numbers, e-mail addresses and the given
 * names replaced by their placeholders; everything else as it was. Scrubbing scrubbed text changes nothing.
 */
export function scrubText(text: string, options: ScrubOptions = {}): string {
  const shadow = shadowOf(text);
  const found = findPersonalData(shadow.text, nameFinders(options.names ?? [])).sort((a, b) => b.start - a.start);
  let scrubbed = text;
  for (const { kind, start, end } of found) {
    scrubbed = scrubbed.slice(0, shadow.starts[start]) + PLACEHOLDERS[kind] + scrubbed.slice(shadow.ends[end - 1]);
  }
  return scrubbed;
}
