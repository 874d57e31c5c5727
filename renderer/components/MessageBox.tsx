// A screen's message: a sentence (info or error), the bad lines of a rejected file if any,
// and a close button. Errors are announced as alerts, the rest as status.
import { useTranslation } from 'react-i18next';
import { BadLines } from './BadLines';

export interface ScreenMessage {
  kind: 'error' | 'info';
  text: string;
  /** The bad lines of a rejected file, one sentence each. */
  details?: readonly string[];
}

export function MessageBox({ message, onClose }: { message: ScreenMessage; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <div className="message-body">
        <span>{message.text}</span>
        {message.details && message.details.length > 0 && <BadLines lines={message.details} />}
      </div>
      <button type="button" onClick={onClose} aria-label={t('ui.common.close')}>
        ×
      </button>
    </div>
  );
}
