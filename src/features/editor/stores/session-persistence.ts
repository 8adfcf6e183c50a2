/**
 * The editor session in IndexedDB, so a reload brings back the image and the painted mask.
 *
 * Contract: its own Dexie database (`easel-editor`, separate from the gallery's schema), one
 * row with id 'current' holding the file as brought in, how it was framed (square choice,
 * geometry), the paint as a PNG (alpha = coverage, at the prepared size) and the
 * reference images. Each save replaces the row whole, in one put, so a reload sees either
 * the previous session or the new one, never a mix.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import { runImageTask } from '../intake/image-tasks.ts';
import type { ReferenceImage, SessionState, SquareChoice } from './session-store.ts';

export interface StoredSession {
  id: 'current';
  file: Blob;
  name: string;
  parentId?: string;
  squareChoice: SquareChoice | null;
  geometry: SourceGeometry;
  paint: Blob | null;
  references: Omit<ReferenceImage, 'id'>[];
  savedAt: number;
}

class EditorDb extends Dexie {
  sessions!: EntityTable<StoredSession, 'id'>;

  constructor() {
    super('easel-editor');
    this.version(1).stores({ sessions: 'id' });
  }
}

let db: EditorDb | null = null;
const open = () => (db ??= new EditorDb());

export async function loadSession(): Promise<StoredSession | undefined> {
  return open().sessions.get('current');
}

export async function saveSession(state: SessionState): Promise<void> {
  const { source, prepared, mask } = state;
  if (!source || !prepared || !mask || state.status !== 'ready') return;
  // Snapshot now, encode in the image worker: a 4K mask's PNG would otherwise stall a frame.
  const paint = await runImageTask('encodePng', await createImageBitmap(mask.canvas));
  await open().sessions.put({
    id: 'current',
    file: source.file,
    name: source.name,
    ...(source.parentId ? { parentId: source.parentId } : {}),
    squareChoice: state.squareChoice,
    geometry: prepared.geometry,
    paint,
    references: state.references.map(({ id: _id, ...rest }) => rest),
    savedAt: Date.now(),
  });
}

export async function clearSession(): Promise<void> {
  await open().sessions.delete('current');
}
