// The sentence that says a figure adds the former units' values ("cộng các đơn vị cũ"), for
// the CLI, the figures screen and the report: which columns, and which units by name.
import type { PredecessorUse } from './figures';
import type { Lang } from './format';
import { translator } from './i18n';

export function predecessorsLine(use: PredecessorUse, nameOf: (code: string) => string, lang: Lang): string {
  const t = translator(lang);
  const columns = (['value', 'ytd', 'lastYear'] as const).filter((c) => use[c]).map((c) => t(`units.column.${c}`));
  return t('units.predecessorsLine', { columns: columns.join(', '), units: use.units.map(nameOf).join(', ') });
}
