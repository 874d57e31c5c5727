// Unit names as people type or paste them: codes made from names, and the first run's pasted
// list of communes (a Word list, an Excel column with its header row and numbering).

/** "Hoằng Hóa" → "HOANG_HOA": a stable ASCII code from a Vietnamese name, at most `max` characters. */
export function codeFromName(name: string, max = 40): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const code = ascii.length > 0 ? ascii : 'DV';
  const full = /^[A-Z]/.test(code) ? code : `DV_${code}`;
  return full.slice(0, max).replace(/_+$/, '');
}

/**
 * The code a new unit gets when none is given: its parent's code, then its name without the kind
 * word ("Xã", "Điểm trạm", …), then a number when taken (`TH_HH_HOANG_TIEN_2`). The units screen
 * shows it as the suggestion; units.add makes the same one.
 */
export function suggestCode(name: string, parent: string | null, taken: ReadonlySet<string>): string {
  const bare = name.trim().replace(/^(xã|phường|thị trấn|đặc khu|điểm trạm( y tế)?|trạm y tế( xã)?|trung tâm y tế( khu vực)?)\s+/i, '');
  const base = `${parent ? `${parent}_` : ''}${codeFromName(bare, 40)}`.slice(0, 60).replace(/_+$/, '');
  let c = base;
  for (let i = 2; taken.has(c); i++) c = `${base}_${i}`;
  return c;
}

// A header cell of a pasted table: "STT", "TT", "Số TT", "Tên xã", "Tên đơn vị", "Đơn vị",
// "Xã/Phường/Thị trấn", "Ghi chú"… Compared without case or diacritics.
const HEADER_CELL =
  /^(stt|tt|so tt|so thu tu|ten|ten (xa|don vi|phuong|co so|tram)\b.*|don vi( hanh chinh)?|xa|phuong|xa\s*[/,-]\s*phuong.*|danh sach\b.*|ghi chu|ma( xa| don vi)?)$/;

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[.:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** True for a header row's cell ("STT", "Tên xã", "TT", "Đơn vị"), never a commune's name. */
export function isHeaderCell(cell: string): boolean {
  const p = plain(cell);
  // "STT Tên xã", "TT. Đơn vị": a header row typed or pasted from Word on one line.
  return HEADER_CELL.test(p) || /^(stt|tt|so tt|so thu tu)[\s.:)]+(ten|don vi|xa|phuong)\b/.test(p);
}

/** "1. Xã Hoằng Đức" → "Xã Hoằng Đức"; "12) Xã…" too ("Phường 1" keeps its number). */
export function stripNumbering(name: string): string {
  return name.replace(/^\s*\d+[.)]\s*/, '').trim();
}

/**
 * Cleans a pasted list: one commune per line (the first cell when pasted from Excel), numbering
 * such as "1." or "1<TAB>" removed, header rows ("STT", "Tên xã") and blanks and repeats dropped.
 */
export function parseCommuneList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const raw = line.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    // A header row: any of its cells is a header word ("STT<TAB>Tên xã<TAB>Ghi chú").
    if (raw.some(isHeaderCell)) continue;
    const cells = raw.filter((c) => !/^\d+[.)]?$/.test(c));
    const name = stripNumbering(cells[0] ?? '');
    if (name === '' || isHeaderCell(name) || seen.has(name.toLocaleLowerCase('vi'))) continue;
    seen.add(name.toLocaleLowerCase('vi'));
    out.push(name);
  }
  return out;
}

/**
 * The setup operation's list, already split by the form: a header row ("STT", "Tên xã") and
 * blanks are dropped and "1." numbering removed; the names are otherwise kept as given (two
 * communes may share a name: their codes differ).
 */
export function cleanCommuneNames(names: readonly string[]): string[] {
  return names.map((n) => stripNumbering(n.replace(/[\r\n\t]+/g, ' ').trim())).filter((n) => n !== '' && !isHeaderCell(n));
}
