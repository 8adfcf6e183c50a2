/**
 * The retry policy for images requests: only 429 rate limits and 5xx server errors are
 * retried, at most twice, waiting as long as Retry-After asks (else 1 s, then 2 s, plus a
 * little jitter so parallel jobs do not retry in lockstep). Each retry is announced through
 * onRetry before the wait, so the UI can show it. Quota, refusals, bad input, network
 * failures and cancellation are never retried: retrying them would only hide the cause.
 */
import { abortedError, ImagesApiError } from './errors.ts';

export const MAX_RETRIES = 2;
/** A Retry-After longer than this is not waited out: the user sees the wait time instead. */
export const MAX_RETRY_WAIT_MS = 60_000;

export interface RetryNotice {
  /** 1 for the first retry, 2 for the second. */
  attempt: number;
  maxRetries: number;
  /** How long until the retry is sent. */
  delayMs: number;
  /** Whether the delay came from the provider's Retry-After. */
  fromRetryAfter: boolean;
  error: ImagesApiError;
}

export interface RetryOptions {
  signal: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  maxRetries?: number;
  /** Injected by tests; defaults to a setTimeout that the signal cancels. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** 0..1; injected by tests to make the jitter predictable. */
  random?: () => number;
}

/** Resolves after `ms`, or rejects with the aborted error as soon as the signal fires. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortedError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** How long to wait before retry number `attempt` (1-based), or null when not to retry. */
export function retryDelay(
  error: ImagesApiError,
  attempt: number,
  random: () => number = Math.random,
): { ms: number; fromRetryAfter: boolean } | null {
  if (!error.retryable) return null;
  if (error.retryAfterSeconds !== undefined) {
    const ms = Math.ceil(error.retryAfterSeconds * 1000);
    return ms <= MAX_RETRY_WAIT_MS ? { ms, fromRetryAfter: true } : null;
  }
  const backoff = 1000 * 2 ** (attempt - 1);
  return { ms: Math.round(backoff * (1 + 0.2 * random())), fromRetryAfter: false };
}

/** Runs `request`, retrying it per the policy above; the last error is rethrown as is. */
export async function withRetries<T>(
  request: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxRetries = options.maxRetries ?? MAX_RETRIES;
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 0; ; attempt++) {
    if (options.signal.aborted) throw abortedError();
    try {
      return await request(attempt);
    } catch (error) {
      if (!(error instanceof ImagesApiError) || attempt >= maxRetries) throw error;
      const delay = retryDelay(error, attempt + 1, options.random);
      if (!delay) throw error;
      options.onRetry?.({
        attempt: attempt + 1,
        maxRetries,
        delayMs: delay.ms,
        fromRetryAfter: delay.fromRetryAfter,
        error,
      });
      await sleep(delay.ms, options.signal);
    }
  }
}
