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

export function parseCsv(text: string): ParsedCsv {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(LINE_BREAK, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, newline: undefined });
  // Papaparse counts records, not lines; a record's line is found from the newlines before it.
  const lineStarts: number[] = [];
  let line = 1;
  const broken: ParsedCsv['broken'] = [];
  for (const err of result.errors) {
    if (err.type === 'Quotes') broken.push({ line: (err.row ?? 0) + 1, reason: 'unterminatedQuote' });
  }
  const rows: CsvRow[] = [];
  // Only quoted fields can hold a line break; without quotes, record i is on line i + 1.
  const quoted = body.includes('"');
  result.data.forEach((fields, i) => {
    lineStarts.push(line);
    const thisLine = line;
    line += 1;
    if (quoted) for (const f of fields) line += lineBreaks(f);
    if (i === 0) return;
    if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
    for (let k = 0; k < fields.length; k++) fields[k] = fields[k]!.trim();
    rows.push({ line: thisLine, fields });
  });
  const header = (result.data[0] ?? []).map((h) => h.trim().toLowerCase());
  return { delimiter, header, rows, broken: broken.map((b) => ({ ...b, line: lineStarts[b.line - 1] ?? b.line })) };
}

/** Writes rows as comma-separated CSV with a header, quoting where needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((v) => (v === null ? '' : v))) }, { newline: '\n' }) + '\n';
}
