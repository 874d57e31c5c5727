// The report: choose the unit and period, preview the print HTML in a sandboxed frame (no
// scripts run in it), print it from there, or save it as DOCX, PDF or XLSX.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../core/api';
import { PeriodBar } from '../components/PeriodBar';
import { PERIOD_KINDS, periodSpecOf, useReport, type PeriodKindChoice } from '../stores/report';
import { homeUnit, useSession } from '../stores/session';

const SAVES: { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'report.ui.saveDocx' },
  { format: 'pdf', label: 'report.ui.savePdf' },
  { format: 'xlsx', label: 'report.ui.saveXlsx' },
];

export function ReportScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const home = homeUnit(session);
  const { unit, kind, html, loading, error, saved, setUnit, setKind, preview, save } = useReport();
  const frame = useRef<HTMLIFrameElement>(null);
  const chosen = unit ?? home?.code ?? null;
  const period = periodSpecOf(kind, session.month);
  const units = session.units.filter((u) => u.level !== 'facility');

  useEffect(() => {
    if (chosen) void preview(chosen, period);
  }, [chosen, period, preview]);

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
      </div>
      <PeriodBar withProgramme={false} />
      <div className="actions">
        <button type="button" disabled={!html || loading} onClick={() => frame.current?.contentWindow?.print()}>
          {t('report.ui.print')}
        </button>
        {SAVES.map((s) => (
          <button key={s.format} type="button" disabled={!chosen || loading} onClick={() => chosen && void save(chosen, period, s.format)}>
            {t(s.label)}
          </button>
        ))}
      </div>
      {loading && <p className="hint">{t('report.ui.loading')}</p>}
      {saved && (
        <div className="message" role="status">
          {t('report.ui.saved', { file: saved })}
        </div>
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
