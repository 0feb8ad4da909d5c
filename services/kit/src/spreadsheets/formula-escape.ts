/**
 * Text that a spreadsheet (or a CSV opened in one) would take for a formula starts with one of these
 * (OWASP, "CSV injection"); a leading apostrophe keeps it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
