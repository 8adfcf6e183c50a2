/**
 * The gallery entry an edit of the open image records as its parent. An image from the
 * gallery (or a result sent back) already has one; the designer's own file gets one now —
 * stored once as an 'upload' entry (gallery-store/save-upload.ts), so the edit's lineage,
 * the gallery and a later re-edit can show and reopen where it started. The gallery's
 * database code loads here, at the first edit, not with the Edit view.
 */
import { imageTasks } from '../intake/image-tasks.ts';
import type { EditorSource } from '../stores/session-store.ts';

/** Upload entries already stored this page, by editor source key (saves hashing again). */
const stored = new Map<string, Promise<string>>();

/** The file as brought when the gallery keeps its type; otherwise a PNG of the decoded image. */
async function uploadBytes(source: EditorSource, keepsType: boolean) {
  if (keepsType) {
    return { bytes: source.file, width: source.naturalWidth, height: source.naturalHeight };
  }
  // Encoded in the image worker, from the picture it decoded (the working size).
  const { png, width, height } = await imageTasks.encodeOpened(source.key);
  return { bytes: png, width, height };
}

/**
 * The parent id for an edit of `source`; undefined only when the upload could not be stored
 * (a full disk): the edit still runs, and its own save reports the disk.
 */
export async function sourceEntryId(source: EditorSource): Promise<string | undefined> {
  if (source.parentId) return source.parentId;
  let id = stored.get(source.key);
  if (!id) {
    id = import('../../gallery-store/save-upload.ts').then(async ({ storableAsIs, storeUpload }) =>
      storeUpload({
        ...(await uploadBytes(source, storableAsIs(source.file))),
        file: source.file,
        fileName: source.name,
      }),
    );
    stored.set(source.key, id);
    // A failed store is tried again by the next edit.
    id.catch(() => stored.delete(source.key));
  }
  return id.catch((error: unknown) => {
    console.warn('Easel: the uploaded image was not stored in the gallery', error);
    return undefined;
  });
}
