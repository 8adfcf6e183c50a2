import { EXTENSION, type ImageMime } from '../../../api/image-bytes.ts';

/**
 * A file name a designer recognises: the prompt's first words, the image's place in the
 * batch, the extension of its actual bytes. "a-lighthouse-on-a-cliff-at-dusk-2.webp"
 */
export function downloadName(prompt: string, index: number, count: number, mime: string): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let stem = '';
  for (const word of words) {
    if ((stem ? stem.length + 1 : 0) + word.length > 60) break;
    stem = stem ? `${stem}-${word}` : word;
  }
  if (!stem) stem = 'easel-image';
  const suffix = count > 1 ? `-${index + 1}` : '';
  const ext = EXTENSION[mime as ImageMime] ?? 'png';
  return `${stem}${suffix}.${ext}`;
}
