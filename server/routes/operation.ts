/**
 * The common life of an API request (generations, edits, variations): take the next fault
 * (test hooks only), refuse a wrong content type or an oversized declared length at once,
 * reserve the body's bytes from the memory budget, read the body within its limits (size,
 * idle time, minimum rate), and only then wait for a work slot — so an upload that never
 * finishes never holds one. Log it, run the operation and send its answer — JSON or
 * server-sent events; with --bandwidth a JSON answer is delivered at that pace (http/paced.ts)
 * after its work slot is freed. A client that goes away leaves every queue at once. A `drop` fault
 * cuts the connection halfway through the answer; a `bad-bytes` fault spoils one image of it.
 */
import { findModel, API_DEFAULT_MODEL } from '../../src/api/models.ts';
import type { Operation } from '../../src/api/model-types.ts';
import { sleep, type EngineContext, type Exchange } from '../context.ts';
import { spoilAnswer } from '../bad-bytes.ts';
import { faultError, type Fault } from '../faults.ts';
import { MIN_BODY_RATE, parseJsonObject, readBody } from '../http/body.ts';
import { ApiError, payloadTooLarge, unsupportedMediaType } from '../http/errors.ts';
import { isMultipart, readMultipart, type UploadedFile } from '../http/multipart.ts';
import { sendPaced } from '../http/paced.ts';
import { sendError, sendJson } from '../http/send.ts';
import { analyseFile } from '../request-log.ts';
import type { Encoding } from '../request/params.ts';
import type { Outcome } from './respond.ts';

export interface OperationBody {
  encoding: Encoding;
  fields: Record<string, unknown>;
  files: UploadedFile[];
}

export type OperationHandler = (
  ctx: EngineContext,
  ex: Exchange,
  body: OperationBody,
) => Promise<Outcome>;

/** The largest file any model takes (GPT image inputs, 50 MB); per-model limits are checked later. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** 16 images and a mask, plus one so "too many images" can name the model's own limit. */
const MAX_FILES = 18;

interface PreparedBody {
  /** Bytes to reserve from the body budget: the declared length, or the cap when chunked. */
  bytes: number;
  read: () => Promise<OperationBody>;
}

/**
 * Everything about the body that can be checked before it is read — its type and its declared
 * length — so a request that will be refused is answered at once, without waiting and without
 * reading a byte of an oversized upload. Returns the reader for later.
 */
function prepareBody(ctx: EngineContext, ex: Exchange, operation: Operation): PreparedBody {
  const type = ex.req.headers['content-type'];
  const declared = Number(ex.req.headers['content-length'] ?? Number.NaN);
  const reserve = (maxBytes: number) => {
    if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
    return Number.isFinite(declared) ? declared : maxBytes;
  };
  const limits = { idleMs: ctx.options.idleMs, ...MIN_BODY_RATE };
  if (isMultipart(type)) {
    const bytes = reserve(ctx.options.maxMultipartBytes);
    const read = async (): Promise<OperationBody> => {
      const { fields, files } = await readMultipart(ex.req, {
        ...limits,
        maxBytes: ctx.options.maxMultipartBytes,
        maxFileBytes: MAX_FILE_BYTES,
        maxFiles: MAX_FILES,
      });
      return { encoding: 'multipart', fields, files };
    };
    return { bytes, read };
  }
  if (operation !== 'generate') {
    throw unsupportedMediaType(
      `Image ${operation === 'edit' ? 'edits' : 'variations'} take multipart/form-data (image${operation === 'edit' ? ', image[], mask' : ''} as files, the other parameters as fields); got ${type ? `'${type}'` : 'no Content-Type'}.`,
    );
  }
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw unsupportedMediaType(`Send the request as application/json; got '${type}'.`);
  }
  const bytes = reserve(ctx.options.maxJsonBytes);
  const read = async (): Promise<OperationBody> => {
    const body = await readBody(ex.req, { ...limits, maxBytes: ctx.options.maxJsonBytes });
    return { encoding: 'json', fields: parseJsonObject(body), files: [] };
  };
  return { bytes, read };
}

const busy = () =>
  new ApiError(
    429,
    'The local engine is busy with other requests; retry shortly.',
    'requests',
    null,
    'rate_limit_exceeded',
    { 'retry-after': '1' },
  );

function familyOf(fields: Record<string, unknown>, operation: Operation) {
  const named = typeof fields.model === 'string' ? findModel(fields.model) : undefined;
  return (named ?? findModel(API_DEFAULT_MODEL[operation])!).family;
}

export async function runOperation(
  ctx: EngineContext,
  ex: Exchange,
  operation: Operation,
  handler: OperationHandler,
): Promise<void> {
  const fault: Fault | null = ctx.faults?.next(operation) ?? null;
  if (ex.entry) ex.entry.fault = fault;
  if (fault?.type === 'latency') await sleep(fault.ms);
  const prepared = prepareBody(ctx, ex, operation);
  // A full queue is said at once, before a byte of the body is read.
  if (ctx.work.busy.waiting >= ctx.work.maxWaiting) throw busy();
  const releaseBytes = await ctx.bodies.acquire(prepared.bytes, ex.gone);
  try {
    const body = await prepared.read();
    const release = await ctx.work.acquire(1, ex.gone);
    if (!release) throw busy();
    try {
      await work(ctx, ex, body, fault, operation, handler);
    } finally {
      release();
    }
  } finally {
    releaseBytes?.();
  }
}

async function work(
  ctx: EngineContext,
  ex: Exchange,
  body: OperationBody,
  fault: Fault | null,
  operation: Operation,
  handler: OperationHandler,
): Promise<void> {
  if (ex.entry && ctx.log) {
    // One file at a time: each analysis may decode a large image's alpha channel. The entry
    // shows its fields only with its files kept: a test that finds a request by its prompt
    // fetches the files next, and must not meet a 404 while a large upload is analysed.
    const files = [];
    for (const file of body.files) files.push(await analyseFile(file));
    ctx.log.keepFiles(ex.id, body.files);
    ex.entry.files.push(...files);
    ex.entry.fields = body.fields;
  }
  if (fault && fault.type !== 'latency' && fault.type !== 'drop' && fault.type !== 'bad-bytes') {
    throw faultError(fault, familyOf(body.fields, operation));
  }
  let outcome = await handler(ctx, ex, body);
  if (fault?.type === 'bad-bytes')
    outcome = await spoilAnswer(outcome, fault.bytes, fault.image ?? 0);
  await send(ex, outcome, fault?.type === 'drop', ctx.options.bandwidth);
}

async function send(ex: Exchange, outcome: Outcome, drop: boolean, mbit: number): Promise<void> {
  const { res } = ex;
  if (outcome.kind === 'json') {
    if (!drop && mbit > 0 && !res.headersSent && !res.destroyed) {
      const text = Buffer.from(JSON.stringify(outcome.body));
      // Not awaited: the delivery holds no work slot, as a provider's transfer holds no GPU.
      void sendPaced(res, 200, { 'content-type': 'application/json; charset=utf-8' }, text, mbit);
      ex.answered();
      return;
    }
    if (!drop) {
      sendJson(res, 200, outcome.body);
      return;
    }
    const text = Buffer.from(JSON.stringify(outcome.body));
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': text.length,
    });
    res.write(text.subarray(0, Math.floor(text.length / 2)), () => res.destroy());
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  try {
    for await (const { event, data } of outcome.events) {
      if (res.destroyed) return;
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      if (drop) {
        // Let the first event reach the client, then cut the connection.
        res.write(frame, () => res.destroy());
        return;
      }
      res.write(frame);
    }
    res.end();
  } catch (error) {
    // Headers are out: the only honest signal left is an error event the SDK recognises.
    const message =
      error instanceof ApiError ? error.message : 'The engine failed while streaming.';
    res.end(
      `event: error\ndata: ${JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } })}\n\n`,
    );
  }
}

export { sendError };
