/**
 * The bytes a `bad-bytes` fault (faults.ts) puts in place of a good image, each a way a real
 * provider or proxy has failed: an error page or an SVG where base64 image data belongs, the
 * picture in another format than the answer announces, a PNG whose header claims 50000×50000,
 * the picture cut off halfway, or a JPEG that still ends properly but is damaged inside: a
 * flipped bit in its picture data (a stray marker), or in its Huffman tables (which only a
 * decoder notices).
 */
import sharp from 'sharp';
import { crc32 } from '../src/api/crc32.ts';
import type { BadBytesKind } from './faults.ts';
import type { Outcome } from './routes/respond.ts';

const HTML =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>502 Bad Gateway</h1></body></html>\n';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024">' +
  '<rect width="100%" height="100%" fill="teal"/><script>alert(1)</script></svg>\n';

/** A PNG of `good` whose IHDR says 50000×50000, with a valid CRC: only a size check sees it. */
async function hugeHeader(good: Buffer): Promise<Buffer> {
  const png = Buffer.from(await sharp(good).png().toBuffer());
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  png.writeUInt32BE(crc32(png, 12, 29), 29);
  return png;
}

/** Where the JPEG's first marker `marker` (FF xx) starts. */
function markerAt(jpeg: Buffer, marker: number): number {
  for (let i = 2; i < jpeg.length - 1; i++)
    if (jpeg[i] === 0xff && jpeg[i + 1] === marker) return i;
  throw new Error(`No FF ${marker.toString(16)} marker in the JPEG.`);
}

/** `good` as a JPEG damaged where `part` says; it still starts and ends as a JPEG should. */
async function damagedJpeg(good: Buffer, part: 'data' | 'tables'): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp(good).jpeg({ quality: 90 }).toBuffer());
  if (part === 'tables') {
    // Every code-length count of the first Huffman table at 255: no table can hold that.
    jpeg.fill(0xff, markerAt(jpeg, 0xc4) + 5, markerAt(jpeg, 0xc4) + 21);
    return jpeg;
  }
  const sos = markerAt(jpeg, 0xda);
  const data = sos + 2 + jpeg.readUInt16BE(sos + 2);
  const middle = data + Math.floor((jpeg.length - 2 - data) / 2);
  jpeg[middle] = 0xff; // FF 08: a marker no scan can hold
  jpeg[middle + 1] = 0x08;
  return jpeg;
}

/** The base64 a faulted image carries instead of `good` (itself base64). */
export async function badBytes(kind: BadBytesKind, goodBase64: string): Promise<string> {
  const good = Buffer.from(goodBase64, 'base64');
  const bytes = await (async () => {
    switch (kind) {
      case 'html':
        return Buffer.from(HTML);
      case 'svg':
        return Buffer.from(SVG);
      case 'other-format': {
        const format = (await sharp(good).metadata()).format === 'jpeg' ? 'png' : 'jpeg';
        return sharp(good).toFormat(format).toBuffer();
      }
      case 'huge-header':
        return hugeHeader(good);
      case 'truncated':
        return good.subarray(0, Math.floor(good.length / 2));
      case 'damaged-jpeg':
        return damagedJpeg(good, 'data');
      case 'jpeg-bad-tables':
        return damagedJpeg(good, 'tables');
    }
  })();
  return bytes.toString('base64');
}

/**
 * The answer with image `index` (0: the first) spoiled: in a JSON answer its b64_json, in a
 * stream the b64_json of that image's completed event. A url answer is left as it is.
 */
export async function spoilAnswer(
  outcome: Outcome,
  kind: BadBytesKind,
  index: number,
): Promise<Outcome> {
  if (outcome.kind === 'json') {
    const item = (outcome.body as { data?: { b64_json?: string }[] }).data?.[index];
    if (item?.b64_json) item.b64_json = await badBytes(kind, item.b64_json);
    return outcome;
  }
  const { events } = outcome;
  async function* spoiled() {
    let completed = 0;
    for await (const event of events) {
      const data = event.data as { b64_json?: string };
      if (event.event.endsWith('.completed') && completed++ === index && data.b64_json) {
        yield { ...event, data: { ...data, b64_json: await badBytes(kind, data.b64_json) } };
      } else yield event;
    }
  }
  return { kind: 'stream', events: spoiled() };
}
