// CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @, a tab or a carriage
// return as a formula (`=cmd|' /C calc'!A0` starts a program in Excel). Text we export is
// therefore prefixed with an apostrophe, which Excel and LibreOffice show as plain text, and
// our import takes exactly that apostrophe off again, so a comment comes back as it was typed.

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell as guardCell writes it: one apostrophe before a formula start or another apostrophe. */
const GUARDED = /^'[=+\-@\t\r']/;

/**
 * The cell text that no spreadsheet runs. Text that already starts with an apostrophe before
 * one of those characters is prefixed too, so that unguardCell(guardCell(s)) === s for any s.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) || GUARDED.test(text) ? `'${text}` : text;
}

/** The text a guarded cell stands for; any other cell is returned as it is. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
