// The panel beside the entry grid for the selected cell: its value, what the checks say about
// it, its explanation comment (how a statistician explains a high-importance problem before
// marking the month complete) and its history: who changed it, when, from what to what.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../core/api';
import type { CatalogueElement } from '../../core/catalogue';
import type { Lang } from '../../core/format';
import { formatDateTime, formatFigure } from '../format';
import { cellEditable } from '../grid/entry-model';
import { useCell } from '../stores/cell';
import { CellTrend } from './CellTrend';
import { cellKey, useEntry } from '../stores/entry';
import { useQuality } from '../stores/quality';
import { useSession } from '../stores/session';
import { usePick } from '../stores/pick';

/** Where a change came from, in words: "nhập tay", or "gói của Xã Hoằng Kim, phiên bản 3". */
function sourceLabel(source: string, t: TFunction): string {
  const bundle = /^bundle:(.+):r(\d+)$/.exec(source);
  if (bundle) {
    const unit = useSession.getState().units.find((u) => u.code === bundle[1]);
    return t('ui.comment.fromBundle', { unit: unit?.name ?? bundle[1], revision: Number(bundle[2]) });
  }
  return t(`ui.comment.sources.${source}`, { defaultValue: source });
}

function Change({ a, element, lang }: { a: AuditEntry; element: CatalogueElement; lang: Lang }) {
  const { t } = useTranslation();
  const shown = (v: number | null) => (v === null ? t('ui.comment.empty') : formatFigure(v, element, lang));
  const valueChanged = a.oldValue !== a.newValue || a.revision === 1;
  const commentChanged = (a.oldComment ?? '') !== (a.newComment ?? '');
  return (
    <li>
      <div className="who">
        {a.changedBy} · {formatDateTime(a.changedAt, lang)} · {sourceLabel(a.source, t)}
      </div>
      {valueChanged && (
        <div className="what">
          {shown(a.oldValue)} → <strong>{shown(a.newValue)}</strong>
        </div>
      )}
      {commentChanged && (
        <div className="what comment-change">
          {a.newComment ? t('ui.comment.commentSet', { text: a.newComment }) : t('ui.comment.commentCleared')}
        </div>
      )}
    </li>
  );
}

export function CellPanel() {
  const { t } = useTranslation();
  const { units, catalogue, lang } = usePick(useSession, 'units', 'catalogue', 'lang');
  const { selected, month, history, draft, saving, note, setDraft, saveComment, clear } = usePick(useCell, 'selected', 'month', 'history', 'draft', 'saving', 'note', 'setDraft', 'saveComment', 'clear');
  const values = useEntry((s) => s.values);
  const comments = useEntry((s) => s.comments);
  const flags = useQuality((s) => s.flags);
  const unit = selected ? units.find((u) => u.code === selected.unit) : undefined;
  const element = selected ? catalogue?.elements.find((e) => e.code === selected.element) : undefined;
  if (!selected || !unit || !element) {
    return (
      <aside className="cell-panel" aria-label={t('ui.comment.title')}>
        <p className="hint">{t('ui.comment.pick')}</p>
      </aside>
    );
  }
  const key = cellKey(unit.code, element.code);
  const value = values[unit.code]?.[element.code] ?? null;
  // Received by bundle: the sender's data, neither its values nor its comments are edited here.
  const sender = unit.receivedFrom ? (units.find((u) => u.code === unit.receivedFrom)?.name ?? unit.receivedFrom) : null;
  const editable = cellEditable(element, unit.level) && !sender;
  const flag = flags[key];
  const stored = comments[key] ?? '';
  return (
    <aside className="cell-panel" aria-label={t('ui.comment.title')}>
      <header>
        <div>
          <div className="unit">{unit.name}</div>
          <div className="element">{lang === 'vi' ? element.nameVi : element.nameEn}</div>
        </div>
        <button type="button" className="close" aria-label={t('ui.comment.close')} onClick={clear}>
          ×
        </button>
      </header>
      <div className="value">
        {t('ui.comment.value')}: <strong>{value === null ? t('ui.comment.noValue') : formatFigure(value, element, lang)}</strong>
      </div>
      {month && <CellTrend unit={unit.code} element={element} month={month} value={value} lang={lang} />}
      {flag && (
        <div className={`cell-flags flag-${flag.kind}`}>
          <div className="lbl">{t('ui.comment.problems')}</div>
          {flag.messages.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}
      {editable ? (
        <label>
          {t('ui.comment.label')}
          <textarea rows={4} value={draft} placeholder={t('ui.comment.placeholder')} maxLength={2000} onChange={(e) => setDraft(e.target.value)} />
        </label>
      ) : (
        <p className="hint">{sender ? t('ui.comment.received', { sender }) : t('ui.comment.readonly')}</p>
      )}
      {editable && (
        <div className="row">
          <button type="button" className="primary" disabled={saving || draft.trim() === stored.trim()} onClick={() => void saveComment()}>
            {t('ui.comment.save')}
          </button>
          {note && (
            <span className={note.kind === 'error' ? 'note-error' : 'note-info'} role={note.kind === 'error' ? 'alert' : 'status'}>
              {note.text}
            </span>
          )}
        </div>
      )}
      <div className="lbl">{t('ui.comment.history')}</div>
      {history.length === 0 ? (
        <p className="hint">{t('ui.comment.noHistory')}</p>
      ) : (
        <ul className="history">
          {history.map((a) => (
            <Change key={a.revision} a={a} element={element} lang={lang} />
          ))}
        </ul>
      )}
    </aside>
  );
}
