// What the entry grid shows for the session's unit, month and programme: its columns' elements,
// its rows (loaded for every unit the month might need, so switching programmes reloads
// nothing), the totals row, and the month's checks a moment after every load and save.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { entryElements, entryUnits, monthUnitCodes, totalsOf, TOTAL_ROW_UNIT, type EntryRow } from '../../grid/entry-model';
import { useEntry } from '../../stores/entry';
import { usePick } from '../../stores/pick';
import { useQuality } from '../../stores/quality';
import { useSession } from '../../stores/session';

export function useEntryRows() {
  const { t } = useTranslation();
  const { units, catalogue, status, month, programme, lang } = usePick(useSession, 'units', 'catalogue', 'status', 'month', 'programme', 'lang');
  const values = useEntry((s) => s.values);
  const lockedRows = useEntry((s) => s.locked);
  const loading = useEntry((s) => s.loading);
  const loadedMonth = useEntry((s) => s.month);
  const load = useEntry((s) => s.load);
  const check = useQuality((s) => s.check);
  const home = status?.homeUnit ?? '';

  const elements = useMemo(() => entryElements(catalogue?.elements ?? [], programme), [catalogue, programme]);
  const rowUnits = useMemo(() => entryUnits(units, home, month, elements), [units, home, month, elements]);
  const unitCodes = useMemo(() => monthUnitCodes(units, home, month), [units, home, month]);

  useEffect(() => {
    void load(month, unitCodes);
  }, [load, month, unitCodes]);

  // The month's checks follow every load and save, a moment after the last one.
  useEffect(() => {
    if (!home || loading || loadedMonth !== month) return;
    const timer = setTimeout(() => void check(home, month, lang), 250);
    return () => clearTimeout(timer);
  }, [values, home, month, lang, loading, loadedMonth, check]);

  const rows = useMemo<EntryRow[]>(
    () =>
      rowUnits.map((u) => {
        // Data received by bundle belongs to its sender: shown, never typed over here.
        const sender = u.receivedFrom ? (units.find((x) => x.code === u.receivedFrom)?.name ?? u.receivedFrom) : null;
        return {
          unit: u.code,
          name: u.name,
          level: u.level,
          values: values[u.code] ?? {},
          ...(lockedRows[u.code] || sender ? { locked: true } : {}),
          ...(sender ? { note: u.receivedFrom === u.code ? t('ui.bundle.receivedOwn') : t('ui.bundle.receivedFrom', { sender }) } : {}),
        };
      }),
    [rowUnits, values, lockedRows, units, t],
  );
  const totals = useMemo<EntryRow[]>(
    () => [{ unit: TOTAL_ROW_UNIT, name: t('ui.entry.total'), level: 'district', values: totalsOf(rows, elements, home) }],
    [rows, elements, home, t],
  );
  return { home, month, lang, units, elements, rows, totals, loading };
}
