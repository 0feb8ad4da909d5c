import { ValidationError } from '../errors';
import { msg } from '../messages';

/** Where text may span lines: long free-text fields, declared with @freeText in the subgraph schema. */
export interface TextRules {
  multiline: boolean;
}

const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const LONE_SURROGATE = /\p{Cs}/u;
const DIRECTION_CONTROL = /\p{Bidi_Control}/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/** C0 and C1 controls and DEL (NUL included) and line separators; free text keeps its line breaks and tabs. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;
/** A character that shows: not a space, a format or default-ignorable character, a lone mark or a blank pattern. */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}\u2800]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text as it may be stored: Unicode NFC, no control characters (line breaks and tabs only where the
 * field is free text, written as \n), no text-direction controls (which make a name read differently
 * from what it is), no lone surrogates or noncharacters, and, unless empty, something visible.
 * Anything else is a refusal naming the field.
 */
export function cleanText(field: string, value: string, rules: TextRules = { multiline: false }): string {
  if (LONE_SURROGATE.test(value) || NONCHARACTER.test(value)) throw new ValidationError(field, msg('input.notUnicode', { field }));
  const text = (rules.multiline ? value.replace(LINE_BREAKS, '\n') : value).normalize('NFC');
  const control = (rules.multiline ? CONTROL_BUT_LINES : CONTROL).exec(text);
  if (control) {
    const lineBreak = /[\n\r\u2028\u2029]/.test(control[0]);
    throw new ValidationError(
      field,
      lineBreak ? msg('input.oneLine', { field }) : msg('input.controlCharacter', { field, character: codePoint(control[0]) }),
    );
  }
  const direction = DIRECTION_CONTROL.exec(text);
  if (direction) throw new ValidationError(field, msg('input.directionControl', { field, character: codePoint(direction[0]) }));
  if (text.length > 0 && !VISIBLE.test(text)) throw new ValidationError(field, msg('input.invisible', { field }));
  return text;
}
