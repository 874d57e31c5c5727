// Fills a workbook the way a script at a commune would, with another library than the one that
// wrote it: fflate unzips the file, the sheet XML is edited as text, fflate zips it again.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The zip path of each sheet, by the sheet's name (workbook.xml + its relationships). */
export function sheetPaths(files: Unzipped): Map<string, string> {
  const book = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[1]!)?.[1];
    if (name !== undefined && rid) out.set(name.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), targets.get(rid)!);
  }
  return out;
}

/** A cell's new content: a number, text (as an inline string) or null (emptied). */
export type Fill = number | string | null;

function setCell(xml: string, ref: string, v: Fill): string {
  const col = ref.replace(/\d+$/, '');
  const row = Number(ref.slice(col.length));
  const cellRe = new RegExp(`<c r="${ref}"((?:\\s+[a-zA-Z:]+="[^"]*")*)\\s*(?:/>|>[\\s\\S]*?</c>)`);
  const m = cellRe.exec(xml);
  const attrs = (m?.[1] ?? '').replace(/\s+t="[^"]*"/, '');
  const body = v === null ? `<c r="${ref}"${attrs}/>` : typeof v === 'number' ? `<c r="${ref}"${attrs}><v>${v}</v></c>` : `<c r="${ref}"${attrs} t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`;
  if (m) return xml.replace(cellRe, body);
  // No such cell yet: added at the end of its row (the test's cells are the row's last filled).
  const rowRe = new RegExp(`(<row r="${row}"[^>]*>)([\\s\\S]*?)(</row>)`);
  if (!rowRe.test(xml)) throw new Error(`row ${row} not in the sheet`);
  return xml.replace(rowRe, (_a, open: string, cells: string, close: string) => `${open}${cells}${body}${close}`);
}

/** Sets cells of named sheets: `{ 'Xã Hoằng Kim': { D14: 12, D15: '1.234' } }`. */
export function fillWorkbook(bytes: Uint8Array, fills: Record<string, Record<string, Fill>>): Uint8Array {
  const files = unzipSync(bytes);
  const paths = sheetPaths(files);
  for (const [sheet, cells] of Object.entries(fills)) {
    const path = paths.get(sheet);
    if (!path) throw new Error(`no sheet ${sheet}`);
    let xml = strFromU8(files[path]!);
    for (const [ref, v] of Object.entries(cells)) xml = setCell(xml, ref, v);
    files[path] = strToU8(xml);
  }
  return zipSync(files);
}

/** Edits the raw XML of one part (e.g. the hidden sheet) with a function. */
export function editPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[path] = strToU8(edit(strFromU8(files[path]!)));
  return zipSync(files);
}

export function partText(bytes: Uint8Array, path: string): string {
  return strFromU8(unzipSync(bytes)[path]!);
}
