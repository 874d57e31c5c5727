// Placeholder for the monthly report screen (the report engineer replaces this file; keep the
// export name `ReportScreen`).
import { useTranslation } from 'react-i18next';

export function ReportScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen report-screen" aria-label={t('ui.tabs.report')}>
      <p className="hint">{t('ui.report.placeholder')}</p>
    </section>
  );
}
