/** One column of an import template, as users write it (Chinese header) and as the code reads it (key). */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The header users write (姓名, 公民身份号码, ...): matched exactly, after trimming. */
  header: string;
  required: boolean;
  /** What the template's explanation row says under the header. */
  explanation: string;
  /** The values allowed; the template offers them as an in-cell drop-down (Excel data validation). */
  list?: readonly string[];
  /** Text format in the template, so Excel keeps long digit strings (ID numbers, phones) whole. */
  text?: boolean;
  /** A date column: the template formats it as a date. */
  date?: boolean;
  width?: number;
}

/** Where the template's explanation row starts: a data row never starts with it, so readers skip it. */
export const EXPLANATION_PREFIX = '【填写说明】';
