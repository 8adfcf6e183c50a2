import { Dialog } from 'radix-ui';
import type { ResultImage } from '../../../api/image-result.ts';
import { useObjectUrl } from '../hooks/use-object-url.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';
import { downloadName } from './download-name.ts';

interface ImageViewerProps {
  images: ResultImage[];
  prompt: string;
  /** The open image, or null when closed. */
  index: number | null;
  onIndexChange: (index: number | null) => void;
}

/** One result at full size (fitted to the window), with previous/next and download. */
export function ImageViewer({ images, prompt, index, onIndexChange }: ImageViewerProps) {
  const image = index !== null ? images[index] : undefined;
  const url = useObjectUrl(image?.bytes);
  const count = images.length;
  const go = (delta: number) => index !== null && onIndexChange((index + delta + count) % count);
  return (
    <Dialog.Root open={index !== null} onOpenChange={(open) => !open && onIndexChange(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay dialog__overlay--dark" />
        <Dialog.Content
          className="viewer"
          aria-describedby={undefined}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') go(1);
            if (e.key === 'ArrowLeft') go(-1);
          }}
        >
          <header className="viewer__bar">
            <Dialog.Title className="viewer__title">
              Image {(index ?? 0) + 1} of {count}
              {image ? (
                <span className="viewer__meta">
                  {' '}
                  · {image.width} × {image.height}
                </span>
              ) : null}
            </Dialog.Title>
            <div className="viewer__actions">
              {count > 1 ? (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => go(-1)}
                    aria-label="Previous image"
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => go(1)}
                    aria-label="Next image"
                  >
                    →
                  </button>
                </>
              ) : null}
              {image?.bytes ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    downloadBlob(
                      image.bytes!,
                      downloadName(prompt, index ?? 0, count, image.bytes!.type),
                    )
                  }
                >
                  Download
                </button>
              ) : null}
              <Dialog.Close className="button button--small" aria-label="Close">
                ✕
              </Dialog.Close>
            </div>
          </header>
          <div className="viewer__stage">
            {url && image ? (
              <img
                className="viewer__image"
                src={url}
                width={image.width}
                height={image.height}
                alt={`Result ${(index ?? 0) + 1} at full size: ${prompt}`}
              />
            ) : null}
          </div>
          {image?.revisedPrompt ? (
            <p className="viewer__caption">Revised prompt: {image.revisedPrompt}</p>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
