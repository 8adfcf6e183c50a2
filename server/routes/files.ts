/** GET /v1/images/files/:id.png — url results; the unguessable id is the capability (url-store.ts). */
import type { EngineContext, Exchange } from '../context.ts';
import { badBytes } from '../bad-bytes.ts';
import { faultError } from '../faults.ts';
import { notFound } from '../http/errors.ts';
import { sendPaced } from '../http/paced.ts';
import { sleep } from '../context.ts';

export const FILES_PREFIX = '/v1/images/files/';
/** Exactly the ids url-store.ts issues (32 base64url characters) and `.png`: nothing else. */
const FILE_PATH = /^\/v1\/images\/files\/([A-Za-z0-9_-]{32})\.png$/;

export async function serveUrlResult(ctx: EngineContext, ex: Exchange): Promise<void> {
  const fault = ctx.faults?.next('download') ?? null;
  if (ex.entry) ex.entry.fault = fault;
  if (fault?.type === 'latency') await sleep(fault.ms);
  if (fault && fault.type !== 'latency' && fault.type !== 'drop' && fault.type !== 'bad-bytes')
    throw faultError(fault, 'dall-e');
  const id = FILE_PATH.exec(ex.path)?.[1];
  const found = id ? ctx.urls.get(id) : ({ kind: 'unknown' } as const);
  if (found.kind !== 'found') {
    const why = {
      expired:
        'This image URL has expired: url results are kept for 60 minutes. Generate the image again, or keep the bytes when they arrive.',
      evicted:
        'This image is no longer available: the engine dropped it early to stay within its memory limit.',
      unknown: 'No image exists at this URL (or it expired). url results are kept for 60 minutes.',
    }[found.kind];
    throw notFound(why, found.kind === 'unknown' ? 'not_found' : 'image_expired');
  }
  const { res } = ex;
  const bytes =
    fault?.type === 'bad-bytes'
      ? Buffer.from(await badBytes(fault.bytes, found.bytes.toString('base64')), 'base64')
      : found.bytes;
  const maxAge = Math.max(0, Math.floor((found.expiresAt - ctx.now()) / 1000));
  const headers = {
    'content-type': found.contentType,
    'cache-control': `private, max-age=${maxAge}`,
    expires: new Date(found.expiresAt).toUTCString(),
  };
  const mbit = ctx.options.bandwidth;
  if (mbit > 0 && ex.req.method === 'GET' && fault?.type !== 'drop') {
    void sendPaced(res, 200, headers, bytes, mbit);
    ex.answered();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': bytes.length });
  if (fault?.type === 'drop') {
    res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
    return;
  }
  res.end(ex.req.method === 'HEAD' ? undefined : bytes);
}
