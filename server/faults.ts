/**
 * Fault injection for tests (only when the engine runs with --faults or, inside Vite, with
 * EASEL_ENGINE_TEST_HOOKS=1; otherwise nothing can reach this). A test either queues faults —
 * the next API requests take them in order — or sets seeded random rates for soak runs.
 *
 * Faults apply to the API operations (generate, edit, variation). A queued fault may name an
 * `operation` ('generate' | 'edit' | 'variation' | 'download'); it then waits at the head of
 * the queue for a request of that kind. `download` (GET of a url result) is only ever
 * faulted when a fault names it.
 */
import { ApiError, badRequest } from './http/errors.ts';
import { seededRandom, type Random } from './images/render/random.ts';

export type FaultOperation = 'generate' | 'edit' | 'variation' | 'download';

export type Fault = { operation?: FaultOperation } & (
  | { type: 'status'; status: number; retryAfter?: number; code?: string; message?: string }
  | { type: 'latency'; ms: number }
  | { type: 'drop' }
  | { type: 'safety' }
  | { type: 'quota' }
);

/** Random rates: probability per request, keyed by 'latency' | 'drop' | 'safety' | 'quota' | a status code. */
export interface RandomFaults {
  seed: number;
  rates: Record<string, number>;
  /** Latency for random latency faults (default 300 ms). */
  latencyMs?: number;
  /** Retry-After seconds for random 429/503 (default 1). */
  retryAfter?: number;
}

const OPERATIONS: readonly FaultOperation[] = ['generate', 'edit', 'variation', 'download'];

function fail(message: string): never {
  throw badRequest(message, null, 'invalid_fault');
}

export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) fail('A fault must be an object with a "type".');
  const f = value as Record<string, unknown>;
  if (f.operation !== undefined && !OPERATIONS.includes(f.operation as FaultOperation)) {
    fail(
      `Unknown fault operation ${JSON.stringify(f.operation)}; use one of ${OPERATIONS.join(', ')}.`,
    );
  }
  const operation = f.operation as FaultOperation | undefined;
  const base = operation ? { operation } : {};
  switch (f.type) {
    case 'status': {
      const status = f.status;
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
        fail('A status fault needs "status": an HTTP error code from 400 to 599.');
      }
      if (f.retryAfter !== undefined && (typeof f.retryAfter !== 'number' || f.retryAfter < 0)) {
        fail('"retryAfter" must be a number of seconds.');
      }
      for (const key of ['code', 'message'] as const) {
        if (f[key] !== undefined && typeof f[key] !== 'string') fail(`"${key}" must be a string.`);
      }
      return {
        ...base,
        type: 'status',
        status,
        ...(f.retryAfter !== undefined ? { retryAfter: f.retryAfter as number } : {}),
        ...(f.code !== undefined ? { code: f.code as string } : {}),
        ...(f.message !== undefined ? { message: f.message as string } : {}),
      };
    }
    case 'latency':
      if (typeof f.ms !== 'number' || f.ms < 0 || f.ms > 120_000)
        fail('A latency fault needs "ms" from 0 to 120000.');
      return { ...base, type: 'latency', ms: f.ms };
    case 'drop':
    case 'safety':
    case 'quota':
      return { ...base, type: f.type };
    default:
      return fail(
        `Unknown fault type ${JSON.stringify(f.type)}; use status, latency, drop, safety or quota.`,
      );
  }
}

export function parseRandom(value: unknown): RandomFaults {
  if (typeof value !== 'object' || value === null)
    fail('"random" must be an object { seed, rates }.');
  const r = value as Record<string, unknown>;
  if (typeof r.seed !== 'number') fail('"random.seed" must be a number.');
  if (typeof r.rates !== 'object' || r.rates === null) fail('"random.rates" must be an object.');
  const rates: Record<string, number> = {};
  for (const [key, rate] of Object.entries(r.rates as Record<string, unknown>)) {
    const known = ['latency', 'drop', 'safety', 'quota'].includes(key) || /^[45]\d\d$/.test(key);
    if (!known)
      fail(`Unknown random fault "${key}"; use latency, drop, safety, quota or a status code.`);
    if (typeof rate !== 'number' || rate < 0 || rate > 1)
      fail(`The rate for "${key}" must be from 0 to 1.`);
    rates[key] = rate;
  }
  return {
    seed: r.seed,
    rates,
    ...(typeof r.latencyMs === 'number' ? { latencyMs: r.latencyMs } : {}),
    ...(typeof r.retryAfter === 'number' ? { retryAfter: r.retryAfter } : {}),
  };
}

export class FaultPlan {
  private queue: Fault[] = [];
  private random: { config: RandomFaults; rng: Random } | null = null;

  enqueue(faults: readonly Fault[]): void {
    this.queue.push(...faults);
  }

  setRandom(config: RandomFaults): void {
    this.random = { config, rng: seededRandom('faults', config.seed) };
  }

  reset(): void {
    this.queue = [];
    this.random = null;
  }

  state() {
    return { queue: [...this.queue], random: this.random?.config ?? null };
  }

  /** The fault the next request of this kind takes, if any. */
  next(operation: FaultOperation): Fault | null {
    const head = this.queue[0];
    const matches =
      head && (head.operation ? head.operation === operation : operation !== 'download');
    if (head && matches) {
      this.queue.shift();
      return head;
    }
    if (!this.random || operation === 'download') return null;
    const { config, rng } = this.random;
    // One draw per request: the rates are slices of [0, 1), in a fixed order.
    const draw = rng();
    let edge = 0;
    for (const [key, rate] of Object.entries(config.rates)) {
      edge += rate;
      if (draw < edge) return randomFault(key, config);
    }
    return null;
  }
}

function randomFault(key: string, config: RandomFaults): Fault {
  if (key === 'latency') return { type: 'latency', ms: config.latencyMs ?? 300 };
  if (key === 'drop' || key === 'safety' || key === 'quota') return { type: key };
  const status = Number(key);
  return status === 429 || status === 503
    ? { type: 'status', status, retryAfter: config.retryAfter ?? 1 }
    : { type: 'status', status };
}

const STATUS_DEFAULTS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Injected fault: bad request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided. You can find your API key in your account settings.',
  },
  403: {
    type: 'invalid_request_error',
    code: 'unsupported_country_region_territory',
    message: 'Country, region, or territory not supported.',
  },
  404: {
    type: 'invalid_request_error',
    code: 'model_not_found',
    message: 'The model does not exist or you do not have access to it.',
  },
  408: {
    type: 'invalid_request_error',
    code: 'request_timeout',
    message: 'The request timed out.',
  },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for images per minute. Please try again in a moment.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  502: { type: 'server_error', code: null, message: 'Bad gateway.' },
  503: {
    type: 'server_error',
    code: null,
    message:
      'The engine is currently overloaded with other requests. Please retry your request later.',
  },
};

/** The error a status, safety or quota fault answers with (safety depends on the model family). */
export function faultError(fault: Fault, family: 'dall-e' | 'gpt-image'): ApiError {
  if (fault.type === 'safety') {
    return family === 'dall-e'
      ? new ApiError(
          400,
          'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
          'invalid_request_error',
          null,
          'content_policy_violation',
        )
      : new ApiError(
          400,
          'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID. safety_violations=[violence].',
          'image_generation_user_error',
          '',
          'moderation_blocked',
        );
  }
  if (fault.type === 'quota') {
    return new ApiError(
      429,
      'You exceeded your current quota, please check your plan and billing details.',
      'insufficient_quota',
      null,
      'insufficient_quota',
    );
  }
  if (fault.type !== 'status') throw new Error(`faultError: ${fault.type} is not an error fault`);
  const defaults = STATUS_DEFAULTS[fault.status] ?? {
    type: fault.status >= 500 ? 'server_error' : 'invalid_request_error',
    code: null,
    message: `Injected fault: HTTP ${fault.status}.`,
  };
  const headers: Record<string, string> =
    fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
  return new ApiError(
    fault.status,
    fault.message ?? defaults.message,
    defaults.type,
    null,
    fault.code ?? defaults.code,
    headers,
  );
}
