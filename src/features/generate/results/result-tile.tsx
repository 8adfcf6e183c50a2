import type { ResultImage } from '../../../api/image-result.ts';
import { useObjectUrl } from '../../../lib/object-url.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';
import { downloadName } from './download-name.ts';
import { RemoteImage } from './remote-image.tsx';
import { Icon } from '../../../lib/ui/icons.tsx';
import './result-tile.css';

export interface TileActions {
  onOpen: () => void;
  onSendToEditor?: () => void;
  onMakeVariations?: () => void;
  /** "Make variations" (DALL·E 2) or "More like this" (a GPT image edit). */
  likeThisLabel?: string;
}

interface ResultTileProps {
  image: ResultImage;
  index: number;
  count: number;
  prompt: string;
  actions: TileActions;
  /** This image's share of its job's cost ("$0.053"), with where it comes from. */
  cost?: { text: string; title: string };
}

/**
 * One finished image. Its box takes the image's aspect ratio before the bytes are decoded
 * (width and height come from the file header), so nothing moves when it appears.
 */
export function ResultTile({ image, index, count, prompt, actions, cost }: ResultTileProps) {
  const url = useObjectUrl(image.bytes);
  const n = index + 1;
  if (!image.bytes) return <RemoteImage image={image} index={index} />;
  const name = downloadName(prompt, index, count, image.bytes.type);
  return (
    <figure className="result-tile">
      <button
        type="button"
        className={`result-tile__frame${image.opaque ? ' result-tile__frame--opaque' : ''}`}
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
        {cost ? (
          <span className="result-tile__cost" title={cost.title}>
            {cost.text}
          </span>
        ) : null}
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
              aria-label={
                actions.likeThisLabel === 'More like this'
                  ? `More like image ${n}`
                  : `Make variations of image ${n}`
              }
              title={actions.likeThisLabel ?? 'Make variations'}
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
