import { useRef } from 'react';
import { editorSource } from '../intake/editor-source.ts';
import { EditorIcon } from './editor-icon.tsx';

interface OpenImageButtonProps {
  label: string;
  primary?: boolean;
}

/** A button that opens the file picker; any image the browser reads is offered. */
export function OpenImageButton({ label, primary }: OpenImageButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={`button ${primary ? 'button--primary' : ''}`}
        // Where a dismissed intake message hands the focus (editor-workspace.tsx).
        data-open-image=""
        onClick={() => input.current?.click()}
      >
        <EditorIcon name="upload" />
        {label}
      </button>
      <input
        ref={input}
        type="file"
        // image/* plus no filter beyond it: the checks after picking say why a file is refused.
        accept="image/*"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void editorSource.open(file);
        }}
      />
    </>
  );
}
