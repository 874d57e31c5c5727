// The first run's form: a list of communes pasted from anywhere (a Word list, an Excel column).

/**
 * Cleans a pasted list: one commune per line (the first cell when pasted from Excel), numbering
 * such as "1." or "1<TAB>" removed, blanks and repeats dropped.
 */
export function parseCommuneList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split('\t').map((c) => c.trim()).filter((c) => c !== '' && !/^\d+[.)]?$/.test(c));
    const name = (cells[0] ?? '').replace(/^\d+[.)]\s*/, '').trim();
    if (name === '' || seen.has(name.toLocaleLowerCase('vi'))) continue;
    seen.add(name.toLocaleLowerCase('vi'));
    out.push(name);
  }
  return out;
}
