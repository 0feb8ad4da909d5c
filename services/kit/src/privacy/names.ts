import type { Finder } from './detectors';
import { shadowOf } from './shadow';

/** Characters that join the parts of a transliterated name (阿依古丽·买买提, Li-Na): any of them, a blank, or none will do. */
const JOINER = /^[·•・.-]$/u;
const ANY_JOINER = '[·•・.\\-\\s]*';
const LATIN = /[A-Za-z]/;
const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function namePattern(name: string): string {
  const parts: string[] = [];
  for (const char of name) {
    if (JOINER.test(char)) parts.push(ANY_JOINER);
    else parts.push(parts.length && parts[parts.length - 1] !== ANY_JOINER ? `\\s*${escape(char)}` : escape(char));
  }
  return parts.join('');
}

/**
 * Finders for the names of the people a change concerns. A name matches as typed and with blanks
 * between its characters ("张 三", for alignment), any joiner between its parts, Latin letters in any
 * case and only as whole words. A name of fewer than two characters is not looked for: it would
 * blank every other word of a Chinese text. Longer names first, so 欧阳娜娜 is one match, not 欧阳 and more.
 */
export function nameFinders(names: readonly string[]): Finder[] {
  const wanted = [...new Set(names.map((name) => shadowOf(name.normalize('NFC')).text.trim().replace(/\s+/g, ' ')))]
    .filter((name) => [...name].filter((char) => !JOINER.test(char) && char !== ' ').length >= 2)
    .sort((a, b) => b.length - a.length);
  return wanted.map((name) => {
    const latin = LATIN.test(name);
    const body = namePattern(name.replace(/ /g, latin ? '.' : ''));
    return { kind: 'name', pattern: new RegExp(latin ? `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])` : body, 'giu') };
  });
}
