/**
 * Module worker that reads one archive for import (archive-reader.ts), so inflating, hashing
 * and parsing a large manifest never block the page. One worker per import; the page ends it
 * when the import ends.
 */
import { expose } from 'comlink';
import { createArchiveReader } from './archive-reader.ts';

expose(createArchiveReader());
