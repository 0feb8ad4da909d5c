/**
 * The text the detectors read: full-width forms folded to ASCII (１３８ is 138, ＠ is @), dash variants
 * to `-`, and invisible characters (zero-width spaces, joiners, other format characters) left out, so
 * "138\u200b1234 5678" is seen as the number it shows. Each character of the shadow remembers where it
 * came from, so a match in the shadow replaces exactly the original characters it covers.
 */
export interface Shadow {
  text: string;
  /** Start of the original character behind each UTF-16 unit of `text`. */
  starts: number[];
  /** End (exclusive) of the original character behind each UTF-16 unit of `text`. */
  ends: number[];
}

const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
const DASHES = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u30FC]$/u;

function fold(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0); // full-width ASCII
  if (code === 0x3000) return ' ';
  if (DASHES.test(char)) return '-';
  return char;
}

export function shadowOf(original: string): Shadow {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const char of original) {
    const end = at + char.length;
    if (!INVISIBLE.test(char)) {
      const folded = fold(char);
      text += folded;
      for (let i = 0; i < folded.length; i += 1) {
        starts.push(at);
        ends.push(end);
      }
    }
    at = end;
  }
  return { text, starts, ends };
}
