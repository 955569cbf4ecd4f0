// Short messages for the person: why a link was refused, that a target was added.
import { useEffect } from 'react';
import { useBoardStore } from '../store/boardStore.ts';
import { CloseIcon } from './icons.tsx';

const NOTICE_MS = 6000;

export function NoticeBar() {
  const notice = useBoardStore((s) => s.notice);
  const dismiss = useBoardStore((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" aria-live="polite" data-testid="notice">
      {notice && (
        <div className={`notice notice-${notice.tone}`} key={notice.id}>
          <span>{notice.text}</span>
          <button
            type="button"
            className="icon-button icon-button-small"
            onClick={() => dismiss(notice.id)}
            aria-label="Dismiss message"
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
