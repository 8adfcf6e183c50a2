import { useArchiveStore } from '../stores/archive-store.ts';

/** A file picker dressed as a button; its label is what tests and screen readers use. */
export function ImportArchiveButton() {
  const importFile = useArchiveStore((s) => s.importFile);
  const busy = useArchiveStore((s) => s.status.state === 'working');
  return (
    <label className="button gallery-file-button" aria-disabled={busy}>
      Import…
      <input
        type="file"
        className="visually-hidden"
        accept=".zip,application/zip"
        aria-label="Import gallery archive"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </label>
  );
}
