import { OpenImageButton } from './open-image-button.tsx';
import './image-dropzone.css';

/** The empty editor: three ways to bring an image in. */
export function ImageDropzone({ busy }: { busy: boolean }) {
  return (
    <div className="editor-dropzone">
      <div className="editor-dropzone__inner">
        <h3>Bring in an image to edit</h3>
        <p>
          Drop it here, paste it with <kbd>Ctrl</kbd>+<kbd>V</kbd>, or choose a file. PNG, JPEG,
          WebP, GIF and any other image your browser opens.
        </p>
        <OpenImageButton label="Choose image…" primary />
        {busy && (
          <p role="status" className="editor-dropzone__busy">
            Opening the image…
          </p>
        )}
      </div>
    </div>
  );
}
