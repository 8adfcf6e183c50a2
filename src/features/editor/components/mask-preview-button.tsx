import { Dialog, ToggleGroup } from 'radix-ui';
import { useEffect, useState } from 'react';
import { formatBytes } from '../../../lib/image-intake-check.ts';
import { useEditModel } from '../edit/edit-model.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { maskToSend } from '../edit/mask-to-send.ts';
import { exportCurrentMask } from '../mask/mask-export-service.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { EditorIcon } from './editor-icon.tsx';
import './crop-dialog.css';

interface ShownMask {
  png: Blob;
  url: string;
  paintedPixels: number;
}

interface Preview {
  sent: ShownMask;
  /** The painting itself, when what is sent is it grown by the blend's rim (by `grow` px). */
  painted: ShownMask | null;
  grow: number;
  width: number;
  height: number;
}

const shown = (png: Blob, paintedPixels: number): ShownMask => ({
  png,
  url: URL.createObjectURL(png),
  paintedPixels,
});

/**
 * "Mask preview": the exact PNG the edit will send (made the way Apply edit makes it), on a
 * checkerboard, with its size; when Keep unpainted pixels grows it by a rim, what was
 * painted can be shown beside it.
 */
export function MaskPreviewButton() {
  const mask = useSessionStore((s) => s.mask);
  const model = useEditModel();
  const keepUnpainted = useEditResultsStore((s) => s.keepUnpainted);
  const composeMode = useEditResultsStore((s) => s.composeMode);
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [which, setWhich] = useState<'sent' | 'painted'>('sent');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !mask) return;
    let made: Preview | null = null;
    let live = true;
    exportCurrentMask(mask)
      .then(async (exported) => {
        const sent = await maskToSend(exported, model, { keepUnpainted, composeMode });
        if (!live) return;
        const grown = sent.settings !== null;
        made = {
          sent: shown(sent.png, sent.paintedPixels),
          painted: grown ? shown(exported.png, exported.paintedPixels) : null,
          grow: sent.settings?.grow ?? 0,
          width: exported.width,
          height: exported.height,
        };
        setPreview(made);
      })
      .catch(
        (e: unknown) => live && setError(`The mask could not be exported: ${(e as Error).message}`),
      );
    return () => {
      live = false;
      if (made) {
        URL.revokeObjectURL(made.sent.url);
        if (made.painted) URL.revokeObjectURL(made.painted.url);
      }
      setPreview(null);
      setWhich('sent');
      setError(null);
    };
  }, [open, mask, model, keepUnpainted, composeMode]);

  const m = preview && (which === 'painted' && preview.painted ? preview.painted : preview.sent);
  const showingPainted = m !== null && m === preview?.painted;
  const share = m && preview ? (m.paintedPixels / (preview.width * preview.height)) * 100 : 0;
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
          {preview && m ? (
            <>
              {preview.painted && (
                <>
                  <p className="editor-dialog__lead">
                    Keep unpainted pixels is on, so the mask is your painting grown by{' '}
                    {preview.grow} px: the model redraws that rim, and the edit blends it back into
                    your picture.
                  </p>
                  <ToggleGroup.Root
                    type="single"
                    className="segmented segmented--small"
                    aria-label="Show"
                    value={which}
                    onValueChange={(v) => v && setWhich(v as 'sent' | 'painted')}
                  >
                    <ToggleGroup.Item value="sent" className="segmented__item">
                      As sent
                    </ToggleGroup.Item>
                    <ToggleGroup.Item value="painted" className="segmented__item">
                      As painted
                    </ToggleGroup.Item>
                  </ToggleGroup.Root>
                </>
              )}
              <div className="editor-mask-preview">
                <img
                  src={m.url}
                  alt={`${showingPainted ? 'Painted area' : 'Mask to be sent'}, ${preview.width} by ${preview.height} pixels`}
                />
              </div>
              <p className="editor-dialog__facts">
                PNG, {preview.width}×{preview.height} px, {formatBytes(m.png.size)} ·{' '}
                {m.paintedPixels === 0
                  ? 'nothing painted: no mask will be sent'
                  : showingPainted
                    ? `${share < 0.1 ? '<0.1' : share.toFixed(1)}% of the image painted`
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
