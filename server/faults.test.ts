import { describe, expect, it } from 'vitest';
import { FaultPlan, faultError, parseFault, parseRandom } from './faults.ts';

describe('fault plan', () => {
  it('hands queued faults out in order, to API operations only', () => {
    const plan = new FaultPlan();
    plan.enqueue([
      parseFault({ type: 'status', status: 429, retryAfter: 2 }),
      parseFault({ type: 'drop' }),
    ]);
    expect(plan.next('download')).toBeNull();
    expect(plan.next('generate')).toMatchObject({ type: 'status', status: 429 });
    expect(plan.next('edit')).toEqual({ type: 'drop' });
    expect(plan.next('edit')).toBeNull();
  });

  it('holds a fault that names an operation until that operation comes', () => {
    const plan = new FaultPlan();
    plan.enqueue([parseFault({ type: 'quota', operation: 'variation' })]);
    expect(plan.next('generate')).toBeNull();
    expect(plan.next('variation')).toMatchObject({ type: 'quota' });
  });

  it('draws random faults reproducibly from the seed, at about the given rate', () => {
    const draws = () => {
      const plan = new FaultPlan();
      plan.setRandom(parseRandom({ seed: 7, rates: { '503': 0.25, drop: 0.25 } }));
      return Array.from({ length: 400 }, () => plan.next('generate')?.type ?? 'none');
    };
    const first = draws();
    expect(draws()).toEqual(first);
    const none = first.filter((t) => t === 'none').length;
    expect(none).toBeGreaterThan(150);
    expect(none).toBeLessThan(250);
  });

  it('rejects malformed faults', () => {
    expect(() => parseFault({ type: 'status', status: 200 })).toThrow(/400 to 599/);
    expect(() => parseFault({ type: 'latency' })).toThrow(/ms/);
    expect(() => parseFault({ type: 'nope' })).toThrow(/Unknown fault type/);
    expect(() => parseFault({ type: 'bad-bytes', bytes: 'gif' })).toThrow(/html, svg/);
    expect(() => parseFault({ type: 'bad-bytes', bytes: 'svg', image: -1 })).toThrow(/index/);
    expect(parseFault({ type: 'bad-bytes', bytes: 'truncated', image: 1 })).toEqual({
      type: 'bad-bytes',
      bytes: 'truncated',
      image: 1,
    });
    expect(() => parseRandom({ seed: 1, rates: { teapot: 0.5 } })).toThrow(/Unknown random fault/);
    expect(() => parseFault('drop')).toThrow(/must be an object/);
    expect(() => parseFault({ type: 'drop', operation: 'upload' })).toThrow(
      /Unknown fault operation/,
    );
    expect(() => parseRandom({ seed: 1, rates: { drop: 2 } })).toThrow(/rate for "drop"/);
  });

  it('builds OpenAI-format errors, Retry-After included', () => {
    const error = faultError({ type: 'status', status: 429, retryAfter: 3 }, 'gpt-image');
    expect(error.toBody().error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(error.headers['retry-after']).toBe('3');
    expect(faultError({ type: 'safety' }, 'dall-e').code).toBe('content_policy_violation');
    expect(faultError({ type: 'safety' }, 'gpt-image').code).toBe('moderation_blocked');
  });
});
