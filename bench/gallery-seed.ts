/**
 * Seeds the gallery's IndexedDB directly (raw IndexedDB, inside the page) with `count`
 * entries, so the benchmark measures browsing, not importing. Thumbnails are real WebP files
 * made in the page (OffscreenCanvas, ~384 px long side, like the worker's); full images are
 * small real PNGs. Rows match GalleryEntry (src/features/gallery-store/gallery-entry.ts).
 * Runs in the browser via page.evaluate, so it must be self-contained.
 */
export async function seedGalleryInPage(count: number): Promise<number> {
  const started = performance.now();
  const DISTINCT = 48;
  const MODELS = ['gpt-image-1', 'gpt-image-1.5', 'dall-e-3', 'dall-e-2', 'gpt-image-2'];
  const WORDS = ['lighthouse', 'harbour', 'fox', 'forest', 'city', 'desert', 'ramen', 'poster'];
  const draw = async (i: number, w: number, h: number, type: string) => {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d')!;
    const hue = (i * 47) % 360;
    const sky = ctx.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, `hsl(${hue} 70% 62%)`);
    sky.addColorStop(1, `hsl(${(hue + 40) % 360} 60% 30%)`);
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = `hsl(${(hue + 180) % 360} 90% 75%)`;
    ctx.beginPath();
    ctx.arc(w * (0.25 + ((i * 13) % 50) / 100), h * 0.35, Math.min(w, h) * 0.12, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = `hsl(${(hue + 90) % 360} 45% 25%)`;
    ctx.fillRect(0, h * 0.72, w, h * 0.28);
    return canvas.convertToBlob({ type, quality: 0.8 });
  };
  const thumbs: Blob[] = [];
  const images: Blob[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    thumbs.push(await draw(i, 384, 384, 'image/webp'));
    images.push(await draw(i, 512, 512, 'image/png'));
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    // The studio creates its database at the first save, not when an empty gallery is shown:
    // on a fresh profile, make the schema it makes (gallery-db.ts: Dexie's version 4 is
    // IndexedDB's 40), which Dexie then opens as its own (it adds the marker row).
    const open = indexedDB.open('easel-gallery', 40);
    open.onupgradeneeded = (event) => {
      if (event.oldVersion > 0) return;
      const created = open.result;
      const entries = created.createObjectStore('entries', { keyPath: 'id' });
      for (const index of [
        'createdAt',
        'model',
        'kind',
        'parentId',
        'favourite',
        'batchId',
        'maskId',
      ])
        entries.createIndex(index, index);
      entries.createIndex('boardIds', 'boardIds', { multiEntry: true });
      for (const store of ['images', 'thumbnails', 'masks', 'jobs'])
        created.createObjectStore(store, { keyPath: 'id' });
      created.createObjectStore('boards', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      created.createObjectStore('meta', { keyPath: 'key' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const now = Date.now();
  const CHUNK = 1000;
  for (let start = 0; start < count; start += CHUNK) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['entries', 'images', 'thumbnails'], 'readwrite');
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const id = `bench-${String(i).padStart(5, '0')}`;
        const model = MODELS[i % MODELS.length]!;
        const prompt = `a ${WORDS[i % WORDS.length]} study number ${i}, soft light, 35mm`;
        tx.objectStore('entries').put({
          id,
          kind: i % 7 === 0 ? 'edit' : i % 11 === 0 ? 'variation' : 'generation',
          batchId: id,
          index: 0,
          createdAt: now - i * 60_000,
          durationMs: 1500,
          prompt,
          model,
          params: { model, prompt, n: 1, size: '1024x1024', quality: 'high' },
          provider: { name: 'Local engine', kind: 'local' },
          mime: 'image/png',
          width: 512,
          height: 512,
          byteLength: images[i % DISTINCT]!.size,
          favourite: i % 9 === 0 ? 1 : 0,
          usage: { input_tokens: 12, output_tokens: 1056, total_tokens: 1068 },
        });
        tx.objectStore('images').put({ id, blob: images[i % DISTINCT] });
        tx.objectStore('thumbnails').put({ id, blob: thumbs[i % DISTINCT] });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
  return performance.now() - started;
}
