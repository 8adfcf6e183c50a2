interface SettingsNoticesProps {
  notices: string[];
  /** Set after a load (Reuse settings, history, preset): what was loaded; Undo puts it back. */
  loaded: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/** What the studio just loaded or adjusted on its own (model switch, reuse), and why. */
export function SettingsNotices({ notices, loaded, onUndo, onDismiss }: SettingsNoticesProps) {
  if (notices.length === 0 && !loaded) return null;
  return (
    <div className="callout callout--info" role="status">
      <div className="callout__body">
        <p className="callout__title">{loaded ?? 'Settings adjusted'}</p>
        {notices.length ? (
          <ul className="callout__list">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {loaded ? (
        <button type="button" className="button button--small" onClick={onUndo}>
          Undo
        </button>
      ) : null}
      <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
