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
import * as v from 'valibot';
import { ApiError, badRequest } from './http/errors.ts';
import { seededRandom, type Random } from './images/render/random.ts';

const OPERATIONS = ['generate', 'edit', 'variation', 'download'] as const;
/** What a bad-bytes fault puts in place of an image (bad-bytes.ts makes them). */
export const BAD_BYTES_KINDS = [
  'html',
  'svg',
  'other-format',
  'huge-header',
  'truncated',
  'damaged-jpeg',
  'jpeg-bad-tables',
] as const;
export type BadBytesKind = (typeof BAD_BYTES_KINDS)[number];
export type FaultOperation = (typeof OPERATIONS)[number];

const operation = v.optional(
  v.picklist(
    OPERATIONS,
    (issue) =>
      `Unknown fault operation ${JSON.stringify(issue.input)}; use one of ${OPERATIONS.join(', ')}.`,
  ),
);
const STATUS = 'A status fault needs "status": an HTTP error code from 400 to 599.';
const LATENCY = 'A latency fault needs "ms" from 0 to 120000.';
const RETRY_AFTER = '"retryAfter" must be a number of seconds.';
const BAD_BYTES = `A bad-bytes fault needs "bytes": one of ${BAD_BYTES_KINDS.join(', ')}.`;
const IMAGE_INDEX = '"image" must be the index of an image in the answer, from 0.';

const FaultSchema = v.variant(
  'type',
  [
    v.object(
      {
        type: v.literal('status'),
        operation,
        status: v.pipe(
          v.number(STATUS),
          v.integer(STATUS),
          v.minValue(400, STATUS),
          v.maxValue(599, STATUS),
        ),
        retryAfter: v.optional(v.pipe(v.number(RETRY_AFTER), v.minValue(0, RETRY_AFTER))),
        code: v.optional(v.string('"code" must be a string.')),
        message: v.optional(v.string('"message" must be a string.')),
      },
      STATUS,
    ),
    v.object(
      {
        type: v.literal('latency'),
        operation,
        ms: v.pipe(v.number(LATENCY), v.minValue(0, LATENCY), v.maxValue(120_000, LATENCY)),
      },
      LATENCY,
    ),
    v.object({ type: v.picklist(['drop', 'safety', 'quota']), operation }),
    // The answer arrives, but one image's bytes (b64_json, or a stream's completed event)
    // are not what they claim: a web page, an SVG, another format, a 50000×50000 header, cut short.
    v.object(
      {
        type: v.literal('bad-bytes'),
        operation,
        bytes: v.picklist(BAD_BYTES_KINDS, BAD_BYTES),
        image: v.optional(
          v.pipe(v.number(IMAGE_INDEX), v.integer(IMAGE_INDEX), v.minValue(0, IMAGE_INDEX)),
        ),
      },
      BAD_BYTES,
    ),
  ],
  // With a path, the issue is about the "type" key (its value is the input); without, the
  // value was no object at all.
  (issue) =>
    issue.path
      ? `Unknown fault type ${JSON.stringify(issue.input)}; use status, latency, drop, safety, quota or bad-bytes.`
      : 'A fault must be an object with a "type".',
);

export type Fault = v.InferOutput<typeof FaultSchema>;

const RATE_KEY = /^(latency|drop|safety|quota|[45]\d\d)$/;
const inRange = (rate: number) => rate >= 0 && rate <= 1;

const RandomSchema = v.object(
  {
    seed: v.number('"random.seed" must be a number.'),
    /** Probability per request, keyed by 'latency' | 'drop' | 'safety' | 'quota' | a status code. */
    rates: v.pipe(
      v.record(
        v.pipe(
          v.string(),
          v.regex(
            RATE_KEY,
            (issue) =>
              `Unknown random fault "${String(issue.input)}"; use latency, drop, safety, quota or a status code.`,
          ),
        ),
        v.number('Each rate must be a number from 0 to 1.'),
        '"random.rates" must be an object.',
      ),
      v.check(
        (rates) => Object.values(rates).every(inRange),
        (issue) => {
          const rates = issue.input;
          const key = Object.keys(rates).find((k) => !inRange(rates[k]!));
          return `The rate for "${key}" must be from 0 to 1.`;
        },
      ),
    ),
    /** Latency for random latency faults (default 300 ms). */
    latencyMs: v.optional(v.number('"random.latencyMs" must be a number.')),
    /** Retry-After seconds for random 429/503 (default 1). */
    retryAfter: v.optional(v.number('"random.retryAfter" must be a number.')),
  },
  '"random" must be an object { seed, rates }.',
);

/** Random rates for soak runs, with the seed that makes them repeatable. */
export type RandomFaults = v.InferOutput<typeof RandomSchema>;

function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw badRequest(result.issues[0].message, null, 'invalid_fault');
  return result.output;
}

export const parseFault = (value: unknown): Fault => parse(FaultSchema, value);

export const parseRandom = (value: unknown): RandomFaults => parse(RandomSchema, value);

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
