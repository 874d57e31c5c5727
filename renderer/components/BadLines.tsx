// The bad lines of a rejected file, in a scrolling list (the first 200; the service lists all).
import { useTranslation } from 'react-i18next';

const SHOWN_LINES = 200;

export function BadLines({ lines }: { lines: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="bad-lines" aria-label={t('ui.csv.badLines')}>
      {lines.slice(0, SHOWN_LINES).map((l, i) => (
        <li key={i}>{l}</li>
      ))}
      {lines.length > SHOWN_LINES && <li className="more">{t('ui.csv.moreLines', { count: lines.length - SHOWN_LINES })}</li>}
    </ul>
  );
}
