/**
 * The local engine: an offline implementation of the OpenAI Images API (generations, edits,
 * variations) for every model in src/api/models.ts. It is not an AI model: it draws
 * deterministic procedural pictures (see images/render/). `createEngine` returns a plain Node
 * request handler, mounted by server/main.ts (alone) and server/vite-plugin.ts (inside Vite).
 *
 * Contract: every answer to bad input is an OpenAI-format error with the right status and
 * `param`; nothing a client sends can crash or wedge the process (bodies are capped and read
 * before a work slot is taken, work is bounded by a semaphore, stalled or trickled uploads
 * time out, a client that leaves frees everything). Only the engine's own page, clients that
 * are not web pages, and origins the user allowed may call it; alone, it answers only to Host
 * names that cannot be rebound (localhost, IP literals) unless told otherwise.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHostAllowed } from 'host-validation-middleware';
import type { EngineContext, EngineOptions, Exchange } from './context.ts';
import { FaultPlan } from './faults.ts';
import { answerPreflight, applyCors, checkOrigin } from './http/cors.ts';
import { clientGone } from './http/body.ts';
import { ENGINE_LIKE_HEADER } from '../src/api/provider.ts';
import { ApiError, invalidUrl, methodNotAllowed } from './http/errors.ts';
import { discardBody, sendError, sendJson } from './http/send.ts';
import { parseTarget } from './http/target.ts';
import { RequestLog } from './request-log.ts';
import { edit } from './routes/edits.ts';
import { FILES_PREFIX, serveUrlResult } from './routes/files.ts';
import { generate } from './routes/generations.ts';
import { MODELS_PATH, serveModels } from './routes/models.ts';
import { runOperation, type OperationHandler } from './routes/operation.ts';
import { handleTestHook } from './routes/test-hooks.ts';
import { variation } from './routes/variations.ts';
import { Semaphore } from './semaphore.ts';
import { UrlStore } from './url-store.ts';

export type { EngineOptions } from './context.ts';

export const ENGINE_NOTICE =
  'Easel local engine: a local procedural image engine, not an AI model. ' +
  'It draws deterministic pictures from a hash of your prompt, offline.';

export interface Engine {
  /** A Node/Connect handler. With `next`, paths outside /v1 and /__engine pass through. */
  handle: (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
  context: EngineContext;
  close: () => void;
}

const OPERATIONS: Record<
  string,
  { operation: 'generate' | 'edit' | 'variation'; handler: OperationHandler }
> = {
  '/v1/images/generations': { operation: 'generate', handler: generate },
  '/v1/images/edits': { operation: 'edit', handler: edit },
  '/v1/images/variations': { operation: 'variation', handler: variation },
};

export function createEngine(options: EngineOptions = {}): Engine {
  let clockOffset = 0;
  const baseNow = options.now ?? Date.now;
  const now = () => baseNow() + clockOffset;
  const hooks = options.testHooks ?? false;
  const context: EngineContext = {
    options: {
      apiKey: options.apiKey || null,
      testHooks: hooks,
      streamDelayMs: options.streamDelayMs ?? 150,
      maxConcurrent: options.maxConcurrent ?? 2,
      maxWaiting: options.maxWaiting ?? 100,
      maxJsonBytes: options.maxJsonBytes ?? 1024 * 1024,
      maxMultipartBytes: options.maxMultipartBytes ?? 128 * 1024 * 1024,
      idleMs: options.idleMs ?? 30_000,
      urlStoreBytes: options.urlStoreBytes ?? 512 * 1024 * 1024,
      drift: options.drift ?? true,
      grain: options.grain ?? 0,
      bandwidth: options.bandwidth ?? 0,
      bodyBudgetBytes: options.bodyBudgetBytes ?? 256 * 1024 * 1024,
      corsOrigins: options.corsOrigins ?? [],
      allowedHosts: options.allowedHosts ?? [],
      like: options.like ?? null,
      extraModels: options.extraModels ?? [],
    },
    now,
    urls: new UrlStore(now, options.urlStoreBytes),
    work: new Semaphore(options.maxConcurrent ?? 2, options.maxWaiting ?? 100),
    bodies: new Semaphore(options.bodyBudgetBytes ?? 256 * 1024 * 1024),
    faults: hooks ? new FaultPlan() : null,
    log: hooks ? new RequestLog() : null,
    advanceClock: (ms) => {
      clockOffset += ms;
    },
  };

  const handle: Engine['handle'] = (req, res, next) => {
    const target = parseTarget(req.url);
    if (!target.ours && next) {
      next();
      return;
    }
    const { path } = target;
    const { allowedHosts, corsOrigins } = context.options;
    const host = req.headers.host;
    if (allowedHosts !== true && !isHostAllowed(host, allowedHosts)) {
      // Before anything else: a page reached through a rebound DNS name must learn nothing.
      sendError(res, hostNotAllowed(host ?? ''));
      discardBody(req);
      return;
    }
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort(clientGone());
    });
    const ex: Exchange = {
      req,
      res,
      id: `req_${randomBytes(12).toString('hex')}`,
      path,
      origin: `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${host ?? '127.0.0.1'}`,
      entry: null,
      gone: gone.signal,
      like: context.options.like ?? likeHeader(req),
      answered: () => undefined,
    };
    res.setHeader('x-request-id', ex.id);
    let allowOrigin: string;
    try {
      allowOrigin = checkOrigin(req, ex.origin, corsOrigins);
    } catch (error) {
      sendError(res, error as ApiError);
      discardBody(req);
      return;
    }
    applyCors(res, allowOrigin);
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res);
      return;
    }
    const routed = async () => {
      // Every route needs the key, url results and test hooks included (a preflight cannot
      // carry it, so OPTIONS above is the one exception). Checked before anything else.
      checkAuth(context, req);
      // One spelling per route: a target that only means a route after normalisation
      // (dot segments, encoded or doubled slashes, backslashes, NUL) is refused, never mapped.
      if (!target.canonical) throw invalidUrl(req.method ?? 'GET', target.shown);
      await route(context, ex);
    };
    routed().catch((error: unknown) => {
      if (!(error instanceof ApiError)) {
        // The path only: never the headers (Authorization) or the query.
        console.error(`[engine] ${req.method} ${path} failed:`, error);
      }
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(
              500,
              'The local engine failed on this request; this is a bug in the engine.',
              'server_error',
            );
      if (apiError.status === 499) {
        res.destroy();
        return;
      }
      // No `connection: close` here, even for a 413: closing a socket whose body is still
      // arriving resets it, and the client would never read the answer. discardBody drains
      // (never buffers) the rest for a few seconds, then closes.
      sendError(res, apiError);
      discardBody(req);
    });
  };

  return { handle, context, close: () => context.urls.clear() };
}

function hostNotAllowed(host: string): ApiError {
  const name = JSON.stringify(host.replace(/:\d+$/, ''));
  return new ApiError(
    403,
    `Blocked request. This host (${name}) is not allowed. To allow it, start the engine with --allowed-host ${JSON.parse(name)}.`,
    'invalid_request_error',
    null,
    'host_not_allowed',
  );
}

async function route(ctx: EngineContext, ex: Exchange): Promise<void> {
  const { req, res, path } = ex;
  const method = req.method ?? 'GET';
  if (path.startsWith('/__engine')) {
    if (!ctx.log) {
      throw new ApiError(
        404,
        'The engine test hooks are off: start the engine with --faults (or Vite with EASEL_ENGINE_TEST_HOOKS=1).',
        'invalid_request_error',
        null,
        'test_hooks_disabled',
      );
    }
    return handleTestHook(ctx, ex);
  }
  if (!path.startsWith('/v1')) {
    if (path === '/' && method === 'GET')
      return sendJson(res, 200, { engine: ENGINE_NOTICE, api: `${ex.origin}/v1` });
    throw invalidUrl(method, path);
  }
  const download = path.startsWith(FILES_PREFIX) && (method === 'GET' || method === 'HEAD');
  const operation = OPERATIONS[path];
  if (ctx.log && (operation || download)) {
    ex.entry = {
      id: ex.id,
      operation: operation?.operation ?? 'download',
      method,
      path,
      status: null,
      fields: {},
      files: [],
      fault: null,
      receivedAt: ctx.now(),
      durationMs: null,
    };
    const entry = ex.entry;
    // durationMs: the engine's own time, from here to the last byte handed to the socket, or
    // with --bandwidth to the headers of a paced answer (ex.answered): its delivery is the
    // connection's time, which a benchmark must not subtract as the engine's.
    const started = performance.now();
    const settle = () => {
      entry.status ??= res.headersSent ? res.statusCode : null;
      entry.durationMs ??= Math.round(performance.now() - started);
    };
    res.once('finish', settle);
    res.once('close', settle);
    ex.answered = settle;
    ctx.log.add(entry);
  }
  if (download) return serveUrlResult(ctx, ex);
  if (path === MODELS_PATH || path.startsWith(`${MODELS_PATH}/`)) {
    if (method !== 'GET') throw methodNotAllowed(method, path, 'GET');
    return serveModels(ctx, ex);
  }
  if (operation) {
    if (method !== 'POST') throw methodNotAllowed(method, path, 'POST');
    return runOperation(ctx, ex, operation.operation, operation.handler);
  }
  throw invalidUrl(method, path);
}

/** The studio's local provider asks per request for OpenAI's line-up (x-easel-like: openai). */
function likeHeader(req: IncomingMessage): 'openai' | null {
  return req.headers[ENGINE_LIKE_HEADER] === 'openai' ? 'openai' : null;
}

/** Constant-time key check; a wrong key is never echoed back, not even partly. */
function checkAuth(ctx: EngineContext, req: IncomingMessage): void {
  const key = ctx.options.apiKey;
  if (!key) return;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
      null,
      null,
    );
  }
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(key))) {
    throw new ApiError(
      401,
      'Incorrect API key provided. Check the key in Provider settings.',
      'invalid_request_error',
      null,
      'invalid_api_key',
    );
  }
}
