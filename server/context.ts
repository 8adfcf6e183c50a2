/** What every route gets: the engine's options and shared state, and the exchange at hand. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineLike } from '../src/api/provider.ts';
import type { FaultPlan } from './faults.ts';
import type { Lineup } from './request/model-lineup.ts';
import type { LoggedRequest, RequestLog } from './request-log.ts';
import type { Semaphore } from './semaphore.ts';
import type { UrlStore } from './url-store.ts';

export interface EngineOptions {
  /** When set, every route (url results and test hooks too; not CORS preflights) needs `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** The /__engine routes (request log, faults, clock). Off unless asked for. */
  testHooks?: boolean;
  /** The clock (ms since epoch); tests inject one to expire url results. */
  now?: () => number;
  /** Pause between streamed events so a browser can show the partial images (default 150 ms). */
  streamDelayMs?: number;
  /** Requests rendering at once (default 2) and waiting beyond them (default 100). */
  maxConcurrent?: number;
  maxWaiting?: number;
  /** Body caps: JSON (default 1 MB) and multipart (default 128 MB). */
  maxJsonBytes?: number;
  maxMultipartBytes?: number;
  /** A body that stops arriving for this long is answered 408 (default 30 s). */
  idleMs?: number;
  /**
   * GPT image edits redraw the unpainted area with a small seeded drift (images/drift.ts), as
   * the real models do (default true). false: every unpainted pixel comes back exactly.
   */
  drift?: boolean;
  /**
   * Film grain of ±N levels on generated pictures (default 0: none), for results of the size
   * the real models send: megabytes, not the clean drawings' tens of KB (images/render/grain.ts).
   */
  grain?: number;
  /**
   * Megabits a second at which the successful JSON answers of generations, edits and
   * variations, and url downloads, are delivered (default 0: at once, as fast as the socket
   * takes them), for answers that arrive at a real connection's pace (http/paced.ts). The
   * request log's durationMs stops when the paced delivery begins.
   */
  bandwidth?: number;
  /** Memory for url results before the oldest are dropped early (default 512 MB). */
  urlStoreBytes?: number;
  /**
   * Request bodies held in memory at once (default 256 MB): each upload reserves its declared
   * length (or the cap, when chunked) before it is read, and waits while the budget is spent.
   */
  bodyBudgetBytes?: number;
  /**
   * Web pages on other origins that may call the engine (CORS). Default: none — only the page
   * the engine is served with (same origin) and clients that are not web pages (no Origin
   * header). `'*'` lets any page in, as api.openai.com does.
   */
  corsOrigins?: readonly string[] | '*';
  /**
   * Host names the engine answers to besides localhost and IP literals (a DNS-rebinding guard,
   * as Vite's allowedHosts); `true` answers any. Ignored inside Vite, which checks Host itself.
   */
  allowedHosts?: readonly string[] | true;
  /** Answer as this provider does today (retired models refused); null/absent: serve them all. */
  like?: EngineLike | null;
  /** Ids served beyond the table, with their family's rules (rehearse a launch). */
  extraModels?: readonly string[];
}

export interface EngineContext {
  options: Required<Omit<EngineOptions, 'apiKey' | 'now' | 'like'>> & {
    apiKey: string | null;
    like: EngineLike | null;
  };
  now: () => number;
  urls: UrlStore;
  work: Semaphore;
  /** The byte budget for request bodies in memory (see bodyBudgetBytes). */
  bodies: Semaphore;
  /** null when test hooks are off: then nothing can inject a fault. */
  faults: FaultPlan | null;
  log: RequestLog | null;
  /** Shifts the clock (test hook POST /__engine/clock). */
  advanceClock: (ms: number) => void;
}

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  id: string;
  path: string;
  /** Where url results are served from, as the client reached us. */
  origin: string;
  /** The request-log entry when test hooks are on. */
  entry: LoggedRequest | null;
  /** Aborts when the client goes away before its answer is complete. */
  gone: AbortSignal;
  /** Whose line-up this request sees: the engine's --like, or the x-easel-like header. */
  like: EngineLike | null;
  /**
   * The answer is ready and its headers are out: the request log's durationMs stops here, so
   * a paced delivery (--bandwidth) after it counts as the connection's time, not the engine's.
   */
  answered: () => void;
}

/** The models served to this exchange, on the engine's clock now. */
export function lineupOf(ctx: EngineContext, ex: Exchange): Lineup {
  return { like: ex.like, extraModels: ctx.options.extraModels, now: ctx.now() };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
