// The month picker and the programme picker shared by the entry and figures screens. Month and
// year are two plain selects: what a statistician expects, whatever the browser's locale.
import { useTranslation } from 'react-i18next';
import { makeMonth, monthOf, monthParts } from '../../core/period';
import { useSession } from '../stores/session';
import { usePick } from '../stores/pick';

const FIRST_YEAR = 2020;

export function PeriodBar({ withProgramme = true }: { withProgramme?: boolean }) {
  const { t } = useTranslation();
  const { month, programme, catalogue, lang, setMonth, setProgramme } = usePick(useSession, 'month', 'programme', 'catalogue', 'lang', 'setMonth', 'setProgramme');
  const { year, month: m } = monthParts(month);
  const thisYear = monthParts(monthOf(new Date())).year;
  const years: number[] = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push(y);
  return (
    <div className="period-bar">
      <label>
        {t('ui.period.month')}
        <select aria-label={t('ui.period.month')} value={m} onChange={(e) => setMonth(makeMonth(year, Number(e.target.value)))}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {t('ui.period.monthName', { n: i + 1 })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ui.period.year')}
        <select aria-label={t('ui.period.year')} value={year} onChange={(e) => setMonth(makeMonth(Number(e.target.value), m))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {withProgramme && catalogue && (
        <label className="grow">
          {t('ui.period.programme')}
          <select aria-label={t('ui.period.programme')} value={programme} onChange={(e) => setProgramme(e.target.value)}>
            {catalogue.programmes.map((p) => (
              <option key={p.code} value={p.code}>
                {p.section ? `${p.section}. ` : ''}
                {lang === 'vi' ? p.nameVi : p.nameEn}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
