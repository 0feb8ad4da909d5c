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
