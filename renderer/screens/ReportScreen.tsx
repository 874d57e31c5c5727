// The report: choose the unit, period and document date, preview the print HTML in a sandboxed
// frame (no scripts run in it), print it from there, or save it as DOCX, PDF or XLSX: the main
// process builds the file and asks where to save it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../core/api';
import { PeriodBar } from '../components/PeriodBar';
import { dmyToIso, isoToDmy } from '../format';
import { PERIOD_KINDS, periodSpecOf, useReport, type PeriodKindChoice } from '../stores/report';
import { homeUnit, useSession } from '../stores/session';
import { usePick } from '../stores/pick';
import { UnitSettingsForm } from './report/UnitSettingsForm';

const SAVES: { format: Exclude<ReportFormat, 'html'>; label: string }[] = [
  { format: 'docx', label: 'report.ui.saveDocx' },
  { format: 'pdf', label: 'report.ui.savePdf' },
  { format: 'xlsx', label: 'report.ui.saveXlsx' },
];

export function ReportScreen() {
  const { t } = useTranslation();
  const session = usePick(useSession, 'month', 'status', 'units');
  const home = homeUnit(session);
  const { unit, kind, date, html, loading, error, saved, warnings, setUnit, setKind, setDate, preview, leave, save, saveDhis2 } = usePick(
    useReport, 'unit', 'kind', 'date', 'html', 'loading', 'error', 'saved', 'warnings', 'setUnit', 'setKind', 'setDate', 'preview', 'leave', 'save', 'saveDhis2',
  );
  const frame = useRef<HTMLIFrameElement>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const chosen = unit ?? home?.code ?? null;
  const period = periodSpecOf(kind, session.month);
  const units = session.units.filter((u) => u.level !== 'facility');
  // An empty (or half typed) date field: the service prints the 5th of the month after the period.
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;

  useEffect(() => {
    if (chosen) void preview(chosen, period, validDate);
  }, [chosen, period, validDate, preview]);
  // The preview is drawn once per visit: the one of the last visit is not shown again first.
  useEffect(() => leave, [leave]);

  return (
    <section className="screen report-screen" aria-label={t('report.ui.title')}>
      <div className="period-bar">
        <label className="grow">
          {t('report.ui.unit')}
          <select aria-label={t('report.ui.unit')} value={chosen ?? ''} onChange={(e) => setUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.ui.period')}
          <select aria-label={t('report.ui.period')} value={kind} onChange={(e) => setKind(e.target.value as PeriodKindChoice)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`report.ui.periodKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <DateField value={date} onChange={setDate} />
      </div>
      <PeriodBar withProgramme={false} />
      <div className="actions">
        <button type="button" disabled={!html || loading} onClick={() => frame.current?.contentWindow?.print()}>
          {t('report.ui.print')}
        </button>
        {SAVES.map((s) => (
          <button key={s.format} type="button" disabled={!chosen || loading} onClick={() => chosen && void save(chosen, period, s.format, validDate)}>
            {t(s.label)}
          </button>
        ))}
        {(['json', 'adx'] as const).map((f) => (
          <button key={f} type="button" disabled={!chosen || loading || kind === 'nineMonths'} title={t('report.ui.dhis2Title')} onClick={() => chosen && void saveDhis2(chosen, period, f)}>
            {t(`report.ui.dhis2.${f}`)}
          </button>
        ))}
        <button type="button" aria-expanded={settingsOpen} disabled={!chosen} onClick={() => setSettingsOpen((o) => !o)}>
          {t(settingsOpen ? 'unitSettings.screen.hide' : 'unitSettings.screen.show')}
        </button>
      </div>
      {settingsOpen && chosen && (
        <UnitSettingsForm
          unit={chosen}
          unitName={units.find((u) => u.code === chosen)?.name ?? chosen}
          period={period}
          onSaved={() => void preview(chosen, period, validDate)}
        />
      )}
      {loading && <p className="hint">{t('report.ui.loading')}</p>}
      {saved && (
        <div className="message message-info" role="status">
          {saved}
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="message message-warning" role="status" aria-label="report-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {error && (
        <div className="message message-error" role="alert">
          {error}
        </div>
      )}
      {html ? (
        // allow-same-origin lets this page call print() on the frame; without allow-scripts the
        // report HTML itself can run nothing.
        <iframe
          ref={frame}
          className="report-preview"
          title={t('report.ui.preview')}
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          style={{ width: '100%', height: '75vh', border: '1px solid #bbb', background: '#fff' }}
        />
      ) : (
        !loading && !error && <p className="hint">{t('report.ui.empty')}</p>
      )}
    </section>
  );
}

/**
 * The document date, typed as dd/mm/yyyy. A browser date input would show the operating
 * system's order (06/10/2024 on an English Windows), which reads as October to our users.
 */
function DateField({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(isoToDmy(value));
  const bad = dmyToIso(text) === null;
  return (
    <label title={t('report.ui.dateHint')}>
      {t('report.ui.date')}
      <input
        className={bad ? 'date-input invalid' : 'date-input'}
        aria-label={t('report.ui.date')}
        aria-invalid={bad}
        placeholder="dd/mm/yyyy"
        value={text}
        size={10}
        onChange={(e) => {
          setText(e.target.value);
          const iso = dmyToIso(e.target.value);
          if (iso) onChange(iso);
        }}
      />
    </label>
  );
}
