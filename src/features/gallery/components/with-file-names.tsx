/** A file name in running text: "easel-gallery-2026-12-07.zip", "images/a-fox.png". */
// Its closing punctuation goes with it, so a full stop never starts a line on its own.
const FILE_NAME = /([^\s()"“”‘’]+\.(?:zip|png|jpe?g|webp|gif|json)[.,;:!?)”’]*)(?=\s|$)/gi;

/**
 * Text whose file names are kept whole: a line does not break at a name's hyphens
 * ("easel-gallery-" / "2026-12-07.zip"); a name longer than the line breaks only at its edge
 * (.file-name in selection-bar.css).
 */
export function WithFileNames({ text }: { text: string }) {
  const parts = text.split(FILE_NAME);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="file-name">
        {part}
      </span>
    ) : (
      part
    ),
  );
}
