// CSV as statisticians' spreadsheets write it: comma- or semicolon-separated (Excel in a
// Vietnamese locale writes semicolons), an optional UTF-8 byte-order mark, quoted fields.
// Parsing is papaparse's; this module decides the delimiter and numbers the lines.
import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  delimiter: ',' | ';';
  header: string[];
  rows: CsvRow[];
  /** Lines the parser could not read (an unclosed quote), with their numbers. */
  broken: { line: number; reason: 'unterminatedQuote' }[];
}

/** The delimiter of the header line: the one of ";" and "," that splits it into more fields. */
export function detectDelimiter(firstLine: string): ',' | ';' {
  const semis = firstLine.split(';').length;
  const commas = firstLine.split(',').length;
  return semis > commas ? ';' : ',';
}

// A line ends with CRLF (Windows), LF (Unix) or a lone CR (old Mac, and some exports): the
// numbers users see in their editor count all three, inside quoted fields too.
const LINE_BREAK = /\r\n|\r|\n/;
const LINE_BREAKS = /\r\n|\r|\n/g;

function lineBreaks(field: string): number {
  if (!field.includes('\n') && !field.includes('\r')) return 0;
  return field.match(LINE_BREAKS)?.length ?? 0;
}

export interface CsvHead {
  delimiter: ',' | ';';
  /** The header line's fields, trimmed and lower-cased. */
  header: string[];
}

/**
 * Reads a CSV text record by record (papaparse's `step`): `onHeader` gets the first line,
 * `onRow` every later non-blank one, and nothing holds the file's rows, so a file of millions
 * of lines costs its text and one row at a time (issue 9). An exception thrown by a callback
 * stops the reading and is thrown again. Returns the lines the parser could not read.
 */
export function readCsv(
  text: string,
  onHeader: (head: CsvHead) => void,
  onRow: (row: CsvRow) => void,
): ParsedCsv['broken'] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstBreak = body.search(LINE_BREAK);
  const delimiter = detectDelimiter(firstBreak < 0 ? body : body.slice(0, firstBreak));
  // Only quoted fields can hold a line break; without quotes, record i is on line i + 1.
  const quoted = body.includes('"');
  const broken: ParsedCsv['broken'] = [];
  let line = 1;
  let first = true;
  let failure: { error: unknown } | null = null;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    newline: undefined,
    step: (result, parser) => {
      const fields = result.data;
      // Papaparse counts records, not lines; a record's line is found from the newlines before it.
      const thisLine = line;
      line += 1;
      if (quoted) for (const f of fields) line += lineBreaks(f);
      if (result.errors.some((e) => e.type === 'Quotes')) broken.push({ line: thisLine, reason: 'unterminatedQuote' });
      try {
        if (first) {
          first = false;
          onHeader({ delimiter, header: fields.map((h) => h.trim().toLowerCase()) });
          return;
        }
        if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
        for (let k = 0; k < fields.length; k++) fields[k] = fields[k]!.trim();
        onRow({ line: thisLine, fields });
      } catch (error) {
        failure = { error };
        parser.abort();
      }
    },
  });
  if (first) onHeader({ delimiter, header: [] });
  if (failure) throw (failure as { error: unknown }).error;
  return broken;
}

/** The whole file at once: header, rows and broken lines (small files and tests). */
export function parseCsv(text: string): ParsedCsv {
  let head: CsvHead = { delimiter: ',', header: [] };
  const rows: CsvRow[] = [];
  const broken = readCsv(
    text,
    (h) => (head = h),
    (r) => rows.push(r),
  );
  return { ...head, rows, broken };
}

/** Writes rows as comma-separated CSV with a header, quoting where needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((v) => (v === null ? '' : v))) }, { newline: '\n' }) + '\n';
}
