import { Dialog } from 'radix-ui';
import { useEffect, useState } from 'react';
import { formatBytes } from '../../../lib/image-intake-check.ts';
import type { ExportedMask } from '../mask/export-mask.ts';
import { exportCurrentMask } from '../mask/mask-export-service.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { EditorIcon } from './editor-icon.tsx';
import './crop-dialog.css';

/** "Mask preview": the exact PNG the edit will send, on a checkerboard, with its size. */
export function MaskPreviewButton() {
  const mask = useSessionStore((s) => s.mask);
  const [open, setOpen] = useState(false);
  const [exported, setExported] = useState<{ mask: ExportedMask; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !mask) return;
    let url: string | null = null;
    let live = true;
    exportCurrentMask(mask).then(
      (result) => {
        if (!live) return;
        url = URL.createObjectURL(result.png);
        setExported({ mask: result, url });
      },
      (e: unknown) => live && setError(`The mask could not be exported: ${(e as Error).message}`),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
      setExported(null);
      setError(null);
    };
  }, [open, mask]);

  const m = exported?.mask;
  const share = m ? (m.paintedPixels / (m.width * m.height)) * 100 : 0;
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          className="button button--ghost editor-preview-trigger"
          disabled={!mask}
        >
          <EditorIcon name="preview" />
          Mask preview
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="editor-dialog__overlay" />
        <Dialog.Content className="editor-dialog editor-dialog--preview">
          <Dialog.Title>Mask preview</Dialog.Title>
          <Dialog.Description className="editor-dialog__lead">
            Exactly what the edit sends: transparent where the image may change, opaque everywhere
            else.
          </Dialog.Description>
          {error && (
            <p role="alert" className="editor-error">
              {error}
            </p>
          )}
          {exported && m ? (
            <>
              <div className="editor-mask-preview">
                <img src={exported.url} alt={`Mask to be sent, ${m.width} by ${m.height} pixels`} />
              </div>
              <p className="editor-dialog__facts">
                PNG, {m.width}×{m.height} px, {formatBytes(m.png.size)} ·{' '}
                {m.paintedPixels === 0
                  ? 'nothing painted: no mask will be sent'
                  : `${share < 0.1 ? '<0.1' : share.toFixed(1)}% of the image will be edited`}
              </p>
            </>
          ) : (
            !error && <p className="editor-dialog__facts">Exporting…</p>
          )}
          <div className="editor-dialog__actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
