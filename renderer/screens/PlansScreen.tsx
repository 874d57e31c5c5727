// The annual plans (kế hoạch năm): for a unit and a year, every element that can have a target,
// by programme, with its target and direction editable in place; "copy last year's" (never
// overwriting a target already set unless asked), a filter to the elements without a target,
// and the plans CSV import. Each edit is saved on its own (plans.set); a refusal keeps the text
// typed in the field, with the service's sentence beside it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow, PlansView } from '../../core/api';
import type { CatalogueElement } from '../../core/catalogue';
import { formatNumber } from '../../core/format';
import { PLAN_DIRECTIONS, type PlanDirection } from '../../core/plan';
import { FIRST_YEAR, LAST_YEAR } from '../../core/period';
import { invoke, messageOf } from '../api';
import { parseCell } from '../grid/entry-model';
import { i18n } from '../i18n';
import { usePick } from '../stores/pick';
import { homeUnit, useSession } from '../stores/session';

const DIRECTION_SIGN: Record<PlanDirection, string> = { '>=': '≥', '<=': '≤', '<': '<' };

type Save = { state: 'saving' | 'saved' } | { state: 'error'; text: string };

function TargetField({ row, e, unitLabel, lang, onSave }: { row: PlanRow; e: CatalogueElement; unitLabel: string; lang: 'vi' | 'en'; onSave: (target: number | null) => Promise<string | null> }) {
  const { t } = useTranslation();
  const shown = row.target === null ? '' : formatNumber(row.target, lang, 2);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // A save (or another unit, year) changed what is stored: the field shows it.
  useEffect(() => {
    setDraft(shown);
    setError(null);
  }, [shown]);
  const commit = async () => {
    if (draft === shown && !error) return;
    const parsed = parseCell(draft, e.valueType);
    if (!parsed.ok) {
      setError(i18n.t(parsed.key, { text: parsed.text }));
      return;
    }
    if (parsed.value === row.target) {
      setDraft(shown);
      setError(null);
      return;
    }
    setError(await onSave(parsed.value));
  };
  return (
    <>
      <input
        className="plan-target"
        inputMode="decimal"
        aria-label={t('plans.screen.targetOf', { element: unitLabel })}
        aria-invalid={error ? true : undefined}
        value={draft}
        placeholder={row.fromBelow !== null ? formatNumber(row.fromBelow, lang, 2) : ''}
        onChange={(ev) => setDraft(ev.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter') void commit();
          else if (ev.key === 'Escape') {
            setDraft(shown);
            setError(null);
          }
        }}
      />
      {error && (
        <span className="plan-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

export function PlansScreen() {
  const { t } = useTranslation();
  const session = usePick(useSession, 'month', 'catalogue', 'lang', 'status', 'units');
  const { catalogue, lang, units } = session;
  const home = homeUnit(session);
  const [unit, setUnit] = useState(home?.code ?? '');
  const [year, setYear] = useState(Number(session.month.slice(0, 4)));
  const [view, setView] = useState<PlansView | null>(null);
  const [loading, setLoading] = useState(false);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saves, setSaves] = useState<Record<string, Save>>({});

  const load = useCallback(async (u: string, y: number) => {
    if (!u) return;
    setLoading(true);
    try {
      const v = await invoke('plans.get', { unit: u, year: y });
      setView(v);
    } catch (e) {
      setView(null);
      setMessage({ ok: false, text: messageOf(e) });
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    setSaves({});
    void load(unit, year);
  }, [unit, year, load]);

  const elements = useMemo(() => new Map((catalogue?.elements ?? []).map((e) => [e.code, e])), [catalogue]);
  const name = (e: { nameVi: string; nameEn: string }) => (lang === 'vi' ? e.nameVi : e.nameEn);
  // The home unit and the units below it that are still open, as the tree lists them.
  const choices = units.filter((u) => !u.closedFrom && u.level !== 'facility');
  const years = useMemo(() => {
    const now = Number(session.month.slice(0, 4));
    const out: number[] = [];
    for (let y = Math.max(FIRST_YEAR, now - 3); y <= Math.min(LAST_YEAR, now + 1); y++) out.push(y);
    return out;
  }, [session.month]);

  const replace = (row: PlanRow) => setView((v) => (v ? { ...v, rows: v.rows.map((r) => (r.element === row.element ? row : r)) } : v));
  const save = async (row: PlanRow, target: number | null, direction: PlanDirection): Promise<string | null> => {
    setSaves((s) => ({ ...s, [row.element]: { state: 'saving' } }));
    try {
      const saved = await invoke('plans.set', { unit, year, element: row.element, target, direction });
      replace(saved);
      setSaves((s) => ({ ...s, [row.element]: { state: 'saved' } }));
      return null;
    } catch (e) {
      const text = messageOf(e);
      setSaves((s) => ({ ...s, [row.element]: { state: 'error', text } }));
      return text;
    }
  };

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await work();
      await load(unit, year);
      if (text) setMessage({ ok: true, text });
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };
  const copy = () =>
    run(async () => {
      const r = await invoke('plans.copyYear', { unit, from: year - 1, to: year, overwrite });
      return t('plans.screen.copied', { count: r.copied, kept: r.kept, from: year - 1 });
    });
  const importCsv = () =>
    run(async () => {
      const r = await invoke('plans.importCsv', {});
      return r ? t('ui.csv.importedPlans', { file: r.file, count: r.count }) : null;
    });

  const rows = (view?.rows ?? []).filter((r) => !onlyMissing || r.target === null);
  const missing = (view?.rows ?? []).filter((r) => r.target === null).length;
  const programmes = (catalogue?.programmes ?? []).map((p) => ({ p, rows: rows.filter((r) => r.programme === p.code) })).filter((g) => g.rows.length > 0);
  const unitName = units.find((u) => u.code === unit)?.name ?? '';

  return (
    <section className="screen plans-screen" aria-label={t('ui.tabs.plans')}>
      <h2>{t('plans.screen.title', { unit: unitName, year })}</h2>
      <div className="plans-bar">
        <label>
          {t('plans.screen.unit')}{' '}
          <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            {choices.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plans.screen.year')}{' '}
          <select name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="onlyMissing" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} /> {t('plans.screen.onlyMissing', { count: missing })}
        </label>
        <span className="plans-actions">
          <button type="button" disabled={busy || !unit} onClick={() => void copy()}>
            {t('plans.screen.copy')}
          </button>
          <label>
            <input type="checkbox" name="overwrite" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> {t('plans.screen.overwrite')}
          </label>
          <button type="button" disabled={busy} onClick={() => void importCsv()}>
            {t('ui.csv.importPlans')}
          </button>
        </span>
      </div>
      {message && (
        <div className={`message ${message.ok ? 'message-info' : 'message-error'}`} role={message.ok ? 'status' : 'alert'}>
          <span className="message-body">{message.text}</span>
          <button type="button" aria-label={t('plans.screen.close')} onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <p className="hint">{t('plans.screen.hint')}</p>
      <div className="table-wrap" data-loading={loading ? 'true' : 'false'}>
        <table className="figures plans">
          <thead>
            <tr>
              <th className="name">{t('ui.figures.element')}</th>
              <th>{t('ui.figures.unitOfMeasure')}</th>
              <th>{t('plans.screen.direction')}</th>
              <th>{t('plans.screen.target')}</th>
              <th>{t('plans.screen.state')}</th>
            </tr>
          </thead>
          {programmes.map(({ p, rows: group }) => (
            <tbody key={p.code} data-programme={p.code}>
              <tr className="programme-row">
                <th colSpan={5} scope="rowgroup">
                  {p.section} {name(p)}
                </th>
              </tr>
              {group.map((row) => {
                const e = elements.get(row.element);
                if (!e) return null;
                const s = saves[row.element];
                return (
                  <tr key={row.element} data-element={row.element} className={row.target === null ? 'no-target' : undefined}>
                    <td className="name">{name(e)}</td>
                    <td className="uom">{lang === 'vi' ? e.unitVi : e.unitEn}</td>
                    <td>
                      <select
                        name="direction"
                        aria-label={t('plans.screen.directionOf', { element: name(e) })}
                        value={row.direction ?? '>='}
                        disabled={row.target === null}
                        onChange={(ev) => void save(row, row.target, ev.target.value as PlanDirection)}
                      >
                        {PLAN_DIRECTIONS.map((d) => (
                          <option key={d} value={d}>
                            {DIRECTION_SIGN[d]} {t(`plans.screen.directions.${d === '>=' ? 'atLeast' : d === '<=' ? 'atMost' : 'below'}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="num">
                      <TargetField row={row} e={e} unitLabel={name(e)} lang={lang} onSave={(target) => save(row, target, row.direction ?? '>=')} />
                    </td>
                    <td className="plan-state" data-state={s?.state ?? ''}>
                      {s?.state === 'saving'
                        ? t('plans.screen.saving')
                        : s?.state === 'saved'
                          ? t('plans.screen.saved')
                          : row.target === null && row.fromBelow !== null
                            ? t('plans.screen.fromBelow', { value: formatNumber(row.fromBelow, lang, 2) })
                            : row.target === null
                              ? t('plans.screen.none')
                              : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
