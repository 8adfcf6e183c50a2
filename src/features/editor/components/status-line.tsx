import { useToolStore } from '../stores/tool-store.ts';
import './status-line.css';

/** What the last command did: flashed briefly (CSS), and read out by a polite live region. */
export function StatusLine() {
  const announcement = useToolStore((s) => s.announcement);
  return (
    <div className="editor-status" role="status" aria-live="polite">
      {announcement && (
        <span key={announcement.at} className="editor-status__flash">
          {announcement.text}
        </span>
      )}
    </div>
  );
}
