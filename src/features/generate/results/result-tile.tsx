import type { ResultImage } from '../../../api/image-result.ts';
import { useObjectUrl } from '../hooks/use-object-url.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';
import { downloadName } from './download-name.ts';
import { RemoteImage } from './remote-image.tsx';
import { Icon } from '../../../lib/ui/icons.tsx';
import './result-tile.css';

export interface TileActions {
  onOpen: () => void;
  onSendToEditor?: () => void;
  onMakeVariations?: () => void;
}

interface ResultTileProps {
  image: ResultImage;
  index: number;
  count: number;
  prompt: string;
  actions: TileActions;
}

/**
 * One finished image. Its box takes the image's aspect ratio before the bytes are decoded
 * (width and height come from the file header), so nothing moves when it appears.
 */
export function ResultTile({ image, index, count, prompt, actions }: ResultTileProps) {
  const url = useObjectUrl(image.bytes);
  const n = index + 1;
  if (!image.bytes) return <RemoteImage image={image} index={index} />;
  const name = downloadName(prompt, index, count, image.bytes.type);
  return (
    <figure className="result-tile">
      <button
        type="button"
        className="result-tile__frame"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
        onClick={actions.onOpen}
        aria-label={`Open image ${n} large`}
      >
        {url ? (
          <img
            className="result-tile__image"
            src={url}
            width={image.width}
            height={image.height}
            alt={`Result ${n}: ${prompt}`}
            decoding="async"
            // Element Timing: lets the benchmark (and DevTools) read when the image was painted.
            // Spread because React's types do not list the attribute yet.
            {...{ elementtiming: 'easel-result' }}
          />
        ) : null}
      </button>
      <figcaption className="result-tile__bar">
        <span className="result-tile__size">
          {image.width} × {image.height}
        </span>
        <span className="result-tile__actions">
          <button
            type="button"
            className="button button--ghost button--icon"
            aria-label={`Download image ${n}`}
            title={`Download ${name}`}
            onClick={() => downloadBlob(image.bytes!, name)}
          >
            <Icon name="download" />
          </button>
          {actions.onSendToEditor ? (
            <button
              type="button"
              className="button button--ghost button--icon"
              aria-label={`Send image ${n} to the editor`}
              title="Edit in the editor"
              onClick={actions.onSendToEditor}
            >
              <Icon name="edit" />
            </button>
          ) : null}
          {actions.onMakeVariations ? (
            <button
              type="button"
              className="button button--ghost button--icon"
              aria-label={`Make variations of image ${n}`}
              title="Make variations (DALL·E 2)"
              onClick={actions.onMakeVariations}
            >
              <Icon name="variations" />
            </button>
          ) : null}
        </span>
      </figcaption>
      {image.revisedPrompt ? (
        <p className="result-tile__revised">
          <span className="result-tile__revised-label">Revised prompt</span> {image.revisedPrompt}
        </p>
      ) : null}
    </figure>
  );
}
