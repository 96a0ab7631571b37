import { useNoticeStore } from '../stores/notice-store';

export function Notices() {
  const { notices, dismiss } = useNoticeStore();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`}>
          <span>{notice.message}</span>
          <button type="button" onClick={() => dismiss(notice.id)} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
