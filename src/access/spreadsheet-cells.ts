// CSV (formula) injection, OWASP: a spreadsheet reads a cell that starts with
// = + - @ TAB or CR as a formula (=HYPERLINK(...) sends data away, DDE runs
// programs). Every CSV the project writes passes each cell through `neutralize`:
// such a cell gets a leading apostrophe, which spreadsheets take as "this is
// text" (Excel and LibreOffice show the value without it when typed; a plain
// text viewer shows it). Phone numbers keep every digit and their "+51".
// `restore` undoes it on import, so an export imports back unchanged; a cell
// that already started with apostrophes before a trigger gets one more, so the
// round trip is exact for any text. Plugins receive this pair through their
// config (config/plugins.ts), never by import. Choice documented in docs/SECURITY.md.

export interface SpreadsheetCells {
  neutralize(value: string): string;
  restore(value: string): string;
  /**
   * csv-stringify options that go with it: a value holding a semicolon is quoted,
   * because a spreadsheet in a Spanish locale splits unquoted cells on ";" and
   * the second half would start a formula of its own.
   */
  csvOptions: { quoted_match: RegExp };
}

/** What OWASP lists as formula starts. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell we (or a careful person) already marked as text: apostrophes, then a formula start. */
const MARKED_AS_TEXT = /^'+[=+\-@\t\r]/;

export const spreadsheetCells: SpreadsheetCells = {
  neutralize: (value) => (FORMULA_START.test(value) || MARKED_AS_TEXT.test(value) ? `'${value}` : value),
  restore: (value) => (MARKED_AS_TEXT.test(value) ? value.slice(1) : value),
  csvOptions: { quoted_match: /;/ },
};
