// One unit's whole month as a form (issue 12): paper reports arrive one commune at a time. Every
// programme of the month in report order, one section each, one field per element the unit
// enters (district-level elements only for the district and its facilities, as in the grid),
// labelled with the element's name and unit, with last month's value and the same month last
// year beside it (read-only).
//
// A field saves through the entry store's own `edit`, as a grid cell does: the same parsing and
// messages, the same per-cell queue and revision check, the same undo stack, and the grid shows
// the value afterwards. Enter or ↓ goes to the next field, Shift+Enter or ↑ to the previous one,
// Tab as usual; each saves the field it leaves. Esc puts the stored value back; Ctrl+Z and
// Ctrl+Y in a field not typed into undo and redo the screen's last changes. Switching
// commune keeps the focused field (the same element). A column pasted from Excel fills the
// field and the ones below it, as the grid's paste does: all checked first, saved at once, one
// undo step.
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../../core/catalogue';
import { takesEntry } from '../../../core/catalogue-kinds';
import { formatMonth, formatNumber } from '../../../core/format';
import { previousMonth, sameMonthLastYear } from '../../../core/period';
import { invoke } from '../../api';
import { entryUnits, formPasteEntries, parseClipboardBlock } from '../../grid/entry-model';
import { useCell } from '../../stores/cell';
import { cellKey, useEntry, type EditTarget } from '../../stores/entry';
import { useForm } from '../../stores/form';
import { onLeave } from '../../stores/leave';
import { usePick } from '../../stores/pick';
import { useQuality } from '../../stores/quality';
import { useSession } from '../../stores/session';

/** Both entry levels: the form's unit picker offers every unit the grid has rows for. */
const ALL_LEVELS = [{ entryLevel: 'commune' }, { entryLevel: 'district' }] as CatalogueElement[];

/** The focused field: where an edit there began, and what was typed (null: nothing yet). */
interface Draft {
  target: EditTarget;
  /** Null until the user types: the field then shows the stored value (an undo shows at once). */
  text: string | null;
}

export function CommuneForm({ home, month, locked }: { home: string; month: string; locked: boolean }) {
  const { t } = useTranslation();
  const { units, catalogue, lang } = usePick(useSession, 'units', 'catalogue', 'lang');
  const { values, cells, comments, locked: lockedRows, loading, edit, paste, notify, undo, redo } = usePick(useEntry, 'values', 'cells', 'comments', 'locked', 'loading', 'edit', 'paste', 'notify', 'undo', 'redo');
  const flags = useQuality((s) => s.flags);
  const { unit: chosen, element: focusedElement, switched, setUnit, setElement } = usePick(useForm, 'unit', 'element', 'switched', 'setUnit', 'setElement');
  const { select, focus, focused } = usePick(useCell, 'select', 'focus', 'focused');

  const formUnits = useMemo(() => entryUnits(units, home, month, ALL_LEVELS), [units, home, month]);
  const unit = formUnits.find((u) => u.code === chosen) ?? formUnits[0] ?? null;
  const sections = useMemo(
    () =>
      unit && catalogue
        ? catalogue.programmes
            .map((p) => ({ programme: p, elements: catalogue.elements.filter((e) => e.programme === p.code && takesEntry(e, unit.level)) }))
            .filter((s) => s.elements.length > 0)
        : [],
    [catalogue, unit],
  );
  const fields = useMemo(() => sections.flatMap((s) => s.elements), [sections]);
  const sender = unit?.receivedFrom ? (units.find((u) => u.code === unit.receivedFrom)?.name ?? unit.receivedFrom) : null;
  const readOnly = locked || !unit || !!lockedRows[unit.code] || !!sender;

  // Last month and the same month last year, for reference beside each field.
  const prevMonth = previousMonth(month);
  const lastYear = sameMonthLastYear(month);
  const [reference, setReference] = useState<{ key: string; prev: Record<string, number | null>; last: Record<string, number | null> } | null>(null);
  const refKey = unit ? `${unit.code}|${month}` : '';
  useEffect(() => {
    if (!unit) return;
    let live = true;
    const own = (list: { unit: string; element: string; value: number | null }[]) => Object.fromEntries(list.filter((v) => v.unit === unit.code).map((v) => [v.element, v.value]));
    void Promise.all([invoke('values.get', { unit: unit.code, period: prevMonth }), invoke('values.get', { unit: unit.code, period: lastYear })])
      .then(([p, l]) => live && setReference({ key: refKey, prev: own(p), last: own(l) }))
      .catch(() => live && setReference({ key: refKey, prev: {}, last: {} }));
    return () => {
      live = false;
    };
  }, [unit, prevMonth, lastYear, refKey]);
  const ref = reference?.key === refKey ? reference : null;

  const name = useCallback((e: CatalogueElement) => (lang === 'vi' ? e.nameVi : e.nameEn), [lang]);
  const unitOf = useCallback((e: CatalogueElement) => (lang === 'vi' ? e.unitVi : e.unitEn), [lang]);
  const shown = useCallback((v: number | null | undefined) => (typeof v === 'number' ? formatNumber(v, lang, 2) : ''), [lang]);

  // The field being typed into; a ref too, so blur and leave read the newest text.
  const [draft, setDraftState] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const setDraft = (d: Draft | null) => {
    draftRef.current = d;
    setDraftState(d);
  };
  const commit = useCallback(() => {
    const d = draftRef.current;
    if (!d || d.text === null) return;
    // Sent once: the field shows the stored value again, and a later blur sends nothing more.
    setDraft({ ...d, text: null });
    void edit(d.target, d.text);
  }, [edit]);
  // Leaving the screen, the month or the view with a field half typed saves it where it began.
  useEffect(() => onLeave(commit), [commit]);

  const inputs = useRef(new Map<string, HTMLInputElement>());
  const focusField = useCallback((code: string | null | undefined) => {
    const el = (code && inputs.current.get(code)) || null;
    if (!el) return false;
    el.focus();
    el.select();
    el.scrollIntoView({ block: 'nearest' });
    return true;
  }, []);

  // Another commune: the focus goes back to the same element's field (and on opening the form,
  // to the field the user was at, or the first one).
  const lastSwitch = useRef(switched - 1);
  useEffect(() => {
    if (lastSwitch.current === switched || loading) return;
    lastSwitch.current = switched;
    if (!focusField(focusedElement)) focusField(fields[0]?.code);
  }, [switched, loading, focusedElement, fields, focusField]);

  // A cell asked for (a problem clicked in the month's refusal list): its unit and field.
  useEffect(() => {
    if (!focus || loading) return;
    if (unit?.code !== focus.unit) {
      if (formUnits.some((u) => u.code === focus.unit)) setUnit(focus.unit, false);
      return;
    }
    setElement(focus.element);
    focusField(focus.element);
    focused();
  }, [focus, loading, unit, formUnits, setUnit, setElement, focusField, focused]);

  const label = useCallback(
    (e: CatalogueElement) => t('ui.entry.cellLabel', { unit: unit?.name ?? '', element: name(e), month: `${Number(month.slice(5))}/${month.slice(0, 4)}` }),
    [t, unit, name, month],
  );

  const move = (code: string, by: number) => {
    const i = fields.findIndex((e) => e.code === code);
    const next = fields[i + by];
    if (next) focusField(next.code);
  };
  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>, e: CatalogueElement) => {
    // Ctrl+Z / Ctrl+Y in a field nothing was typed into: the screen's undo and redo, as in the grid.
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && draftRef.current?.text === null) {
      const key = ev.key.toLowerCase();
      if (key === 'z' && !ev.shiftKey) void undo();
      else if (key === 'y' || (key === 'z' && ev.shiftKey)) void redo();
      else return;
      ev.preventDefault();
      return;
    }
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      const d = draftRef.current;
      if (d) setDraft({ ...d, text: null });
      return;
    }
    const down = (ev.key === 'Enter' && !ev.shiftKey) || ev.key === 'ArrowDown';
    const up = (ev.key === 'Enter' && ev.shiftKey) || ev.key === 'ArrowUp';
    if (!down && !up) return;
    ev.preventDefault();
    commit();
    move(e.code, down ? 1 : -1);
  };

  // A column copied from Excel (lines, maybe tabs) goes down the form from this field; a single
  // value is the field's own paste, saved like typing.
  const onPaste = (ev: ClipboardEvent<HTMLInputElement>, e: CatalogueElement) => {
    const text = ev.clipboardData.getData('text/plain');
    if (!unit || !/[\t\n]/.test(text.trimEnd())) return;
    ev.preventDefault();
    if (locked) {
      notify({ kind: 'error', text: t('ui.entry.locked') });
      return;
    }
    // What was typed in the field is dropped: the pasted column replaces it.
    const d = draftRef.current;
    if (d) setDraft({ ...d, text: null });
    const { entries, problems } = formPasteEntries(parseClipboardBlock(text), { unit: unit.code, level: unit.level }, fields, fields.indexOf(e));
    void paste(entries, problems);
  };

  const switchUnit = (by: number) => {
    if (!unit) return;
    const i = formUnits.findIndex((u) => u.code === unit.code);
    const next = formUnits[i + by];
    if (next) setUnit(next.code);
  };

  if (!unit) return <p className="hint">{t('ui.entry.noRows')}</p>;
  const unitValues = values[unit.code] ?? {};
  const unitIndex = formUnits.findIndex((u) => u.code === unit.code);
  return (
    <div className="commune-form" data-unit={unit.code} data-loading={loading ? 'true' : 'false'}>
      <div className="form-unit-bar">
        <button type="button" disabled={unitIndex <= 0} onClick={() => switchUnit(-1)} title={t('ui.form.prevUnit')} aria-label={t('ui.form.prevUnit')}>
          ‹
        </button>
        <label>
          {t('ui.form.unit')}
          <select aria-label={t('ui.form.unit')} value={unit.code} onChange={(ev) => setUnit(ev.target.value)}>
            {formUnits.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={unitIndex >= formUnits.length - 1} onClick={() => switchUnit(1)} title={t('ui.form.nextUnit')} aria-label={t('ui.form.nextUnit')}>
          ›
        </button>
        {sender && <span className="hint">{unit.receivedFrom === unit.code ? t('ui.bundle.receivedOwn') : t('ui.bundle.receivedFrom', { sender })}</span>}
      </div>
      <div className="form-wrap">
        <table className="form-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.form.element')}</th>
              <th scope="col" className="num">{formatMonth(month, lang)}</th>
              <th scope="col" className="mark"><span className="sr-only">{t('ui.form.state')}</span></th>
              <th scope="col" className="num ref">{t('ui.form.prev', { month: formatMonth(prevMonth, lang) })}</th>
              <th scope="col" className="num ref">{t('ui.form.lastYear', { month: formatMonth(lastYear, lang) })}</th>
            </tr>
          </thead>
          {sections.map(({ programme, elements }) => (
            <tbody key={programme.code} aria-label={lang === 'vi' ? programme.nameVi : programme.nameEn}>
              <tr className="form-section">
                <th colSpan={5} scope="colgroup">
                  {programme.section ? `${programme.section}. ` : ''}
                  {lang === 'vi' ? programme.nameVi : programme.nameEn}
                </th>
              </tr>
              {elements.map((e) => {
                const key = cellKey(unit.code, e.code);
                const id = `form-${e.code}`;
                const editing = draft?.target.element === e.code && draft.target.unit === unit.code && draft.target.month === month;
                const state = cells[key];
                const flag = flags[key];
                const comment = comments[key];
                const marks = [
                  state === 'saving' ? '…' : state === 'saved' ? '✓' : state === 'error' ? '✗' : '',
                  flag?.kind === 'violation' ? '⚠' : flag?.kind === 'outlier' ? '?' : '',
                  comment !== undefined ? '✎' : '',
                ].join('');
                const why = [...(comment ? [`✎ ${comment}`] : []), ...(flag?.messages ?? [])].join('\n');
                const u = unitOf(e);
                return (
                  <tr key={e.code} data-element={e.code} className={[flag ? `field-${flag.kind}` : '', state ? `field-${state}` : ''].join(' ')}>
                    <td>
                      <label htmlFor={id}>
                        {name(e)}
                        {u ? <span className="field-unit"> ({u})</span> : null}
                      </label>
                    </td>
                    <td className="num">
                      <input
                        id={id}
                        ref={(el) => {
                          if (el) inputs.current.set(e.code, el);
                          else inputs.current.delete(e.code);
                        }}
                        className="form-input"
                        inputMode="decimal"
                        autoComplete="off"
                        readOnly={readOnly}
                        aria-invalid={state === 'error' ? true : undefined}
                        aria-describedby={why ? `${id}-why` : undefined}
                        value={editing && draft.text !== null ? draft.text : shown(unitValues[e.code])}
                        onFocus={(ev) => {
                          setDraft({ target: { unit: unit.code, element: e.code, month, label: label(e) }, text: null });
                          setElement(e.code);
                          void select({ unit: unit.code, element: e.code }, month);
                          ev.currentTarget.select();
                        }}
                        onChange={(ev) => {
                          const d = draftRef.current;
                          if (d && !readOnly) setDraft({ ...d, text: ev.target.value });
                        }}
                        onBlur={() => {
                          commit();
                          setDraft(null);
                        }}
                        onKeyDown={(ev) => onKeyDown(ev, e)}
                        onPaste={(ev) => onPaste(ev, e)}
                      />
                    </td>
                    <td className="mark" title={why || undefined}>
                      {marks}
                      {why && (
                        <span id={`${id}-why`} className="sr-only">
                          {why}
                        </span>
                      )}
                    </td>
                    <td className="num ref">{ref ? shown(ref.prev[e.code]) : ''}</td>
                    <td className="num ref">{ref ? shown(ref.last[e.code]) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
