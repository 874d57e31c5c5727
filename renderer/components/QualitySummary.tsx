// Under the grid: how complete the month is, and the checks that fail for this programme.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueElement } from '../../core/catalogue';
import { formatPercent } from '../../core/format';
import { useQuality } from '../stores/quality';
import { useSession } from '../stores/session';
import { usePick } from '../stores/pick';

const SHOWN = 4;

export function QualitySummary({ elements }: { elements: readonly CatalogueElement[] }) {
  const { t } = useTranslation();
  const { result } = usePick(useQuality, 'result');
  const { programme, lang } = usePick(useSession, 'programme', 'lang');
  const [open, setOpen] = useState(false);
  if (!result) return null;
  const codes = new Set(elements.map((e) => e.code));
  const violations = result.violations.filter((v) => v.elements.some((e) => codes.has(e)));
  const outliers = result.outliers.filter((o) => codes.has(o.element));
  const prog = result.completeness.byProgramme.find((p) => p.programme === programme);
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, lang, 0));
  const items = [...violations.map((v) => ({ kind: 'violation', text: v.message })), ...outliers.map((o) => ({ kind: 'outlier', text: o.message }))];
  return (
    <div className="quality-summary" aria-label={t('ui.quality.title')}>
      <span className="completeness">
        {t('ui.quality.completeness', { programme: pct(prog?.pct ?? null), month: pct(result.completeness.pct) })}
      </span>
      {items.length === 0 ? (
        <span className="ok">{t('ui.quality.noIssues')}</span>
      ) : (
        <>
          <span className="issues">{t('ui.quality.issues', { violations: violations.length, outliers: outliers.length })}</span>
          {items.length > 0 && (
            <button type="button" className="link" onClick={() => setOpen(!open)}>
              {open ? t('ui.quality.hide') : t('ui.quality.show')}
            </button>
          )}
        </>
      )}
      {open && (
        <ul className="issue-list">
          {items.slice(0, open ? 50 : SHOWN).map((i, n) => (
            <li key={n} className={`issue-${i.kind}`}>
              {i.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
