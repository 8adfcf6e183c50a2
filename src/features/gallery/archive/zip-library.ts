/**
 * The one door to zip.js (BSD-3-Clause), set up for the studio's Content-Security-Policy
 * (`worker-src 'self'`, no inline scripts): the core build without bundled codecs, no web
 * workers (zip.js would start them from blob: URLs), and the browser's own
 * CompressionStream / DecompressionStream for deflate. Images are stored, not deflated, so
 * the only deflate work is the manifest. Import this module, not the package, so the
 * configuration is always in place first.
 */
import { configure } from '@zip.js/zip.js/lib/zip-core-custom.js';

configure({ useWebWorkers: false, useCompressionStream: true });

export {
  BlobReader,
  TextReader,
  ZipReader,
  ZipWriter,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js/lib/zip-core-custom.js';
