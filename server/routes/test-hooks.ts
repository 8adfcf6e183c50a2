/**
 * /__engine/* — the test hooks (contract in server/README.md). Only routed when the engine
 * runs with --faults or EASEL_ENGINE_TEST_HOOKS=1.
 */
import type { EngineContext, Exchange } from '../context.ts';
import { parseFault, parseRandom } from '../faults.ts';
import { parseJsonObject, readBody } from '../http/body.ts';
import { badRequest, invalidUrl, methodNotAllowed, notFound } from '../http/errors.ts';
import { sendJson } from '../http/send.ts';

export async function handleTestHook(ctx: EngineContext, ex: Exchange): Promise<void> {
  const { req, res, path } = ex;
  const method = req.method ?? 'GET';
  const log = ctx.log!;
  const faults = ctx.faults!;
  const noContent = () => {
    res.writeHead(204, { 'content-length': '0' });
    res.end();
  };

  if (path === '/__engine/requests') {
    if (method === 'GET') return sendJson(res, 200, log.list());
    if (method === 'DELETE') {
      log.clear();
      return noContent();
    }
    throw methodNotAllowed(method, path, 'GET, DELETE');
  }
  const file = /^\/__engine\/requests\/([^/]+)\/files\/(\d+)$/.exec(path);
  if (file) {
    if (method !== 'GET') throw methodNotAllowed(method, path, 'GET');
    const entry = log.list().find((e) => e.id === file[1]);
    const index = Number(file[2]);
    const bytes = log.file(file[1]!, index);
    if (!entry || !bytes) throw notFound(`No file ${index} is kept for request ${file[1]}.`);
    res.writeHead(200, {
      'content-type': entry.files[index]?.contentType || 'application/octet-stream',
      'content-length': bytes.length,
    });
    res.end(bytes);
    return;
  }
  if (path === '/__engine/faults') {
    if (method === 'GET') return sendJson(res, 200, faults.state());
    if (method === 'DELETE') {
      faults.reset();
      return noContent();
    }
    if (method !== 'POST') throw methodNotAllowed(method, path, 'GET, POST, DELETE');
    const body = parseJsonObject(
      await readBody(req, { maxBytes: 1024 * 1024, idleMs: ctx.options.idleMs }),
    );
    if (body.queue === undefined && body.random === undefined) {
      throw badRequest('Send { "queue": [fault, ...] } and/or { "random": { "seed", "rates" } }.');
    }
    if (body.queue !== undefined && !Array.isArray(body.queue))
      throw badRequest('"queue" must be an array of faults.');
    const queue = ((body.queue as unknown[] | undefined) ?? []).map(parseFault);
    const random = body.random !== undefined ? parseRandom(body.random) : null;
    faults.enqueue(queue);
    if (random) faults.setRandom(random);
    return sendJson(res, 200, faults.state());
  }
  if (path === '/__engine/clock') {
    if (method === 'GET') return sendJson(res, 200, { now: ctx.now() });
    if (method !== 'POST') throw methodNotAllowed(method, path, 'GET, POST');
    const body = parseJsonObject(
      await readBody(req, { maxBytes: 64 * 1024, idleMs: ctx.options.idleMs }),
    );
    if (typeof body.advanceMs !== 'number' || body.advanceMs < 0) {
      throw badRequest('Send { "advanceMs": n } with n >= 0.', 'advanceMs');
    }
    ctx.advanceClock(body.advanceMs);
    return sendJson(res, 200, { now: ctx.now() });
  }
  throw invalidUrl(method, path);
}
