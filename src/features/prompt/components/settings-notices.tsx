interface SettingsNoticesProps {
  notices: string[];
  onDismiss: () => void;
}

/** What the studio just adjusted on its own (model switch, reuse), and why. */
export function SettingsNotices({ notices, onDismiss }: SettingsNoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="callout callout--info" role="status">
      <div className="callout__body">
        <p className="callout__title">Settings adjusted</p>
        <ul className="callout__list">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
