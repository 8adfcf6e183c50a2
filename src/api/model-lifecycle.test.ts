import { describe, expect, it } from 'vitest';
import { describeStatus, liveSuccessor, modelStatus } from './model-lifecycle.ts';
import type { LifecycleProvider } from './model-types.ts';

/** The status on a UTC day, at a minute past midnight and a minute before the next. */
const on = (model: string, day: string, provider: LifecycleProvider | null = 'openai') => {
  const early = modelStatus(model, provider, Date.parse(`${day}T00:01:00Z`));
  const late = modelStatus(model, provider, Date.parse(`${day}T23:59:00Z`));
  expect(late, `${model} ${day}: one status all day`).toEqual(early);
  return early;
};

describe('lifecycles on OpenAI, computed from the day', () => {
  it('GPT Image 1.5: live, retiring from the notice, retired on its shutdown day', () => {
    expect(on('gpt-image-1.5', '2026-06-01')).toEqual({ state: 'live' });
    expect(on('gpt-image-1.5', '2026-06-02')).toEqual({
      state: 'retiring',
      shutdown: '2026-12-01',
      successor: 'gpt-image-2.5-flare',
    });
    expect(on('gpt-image-1.5', '2026-11-30').state).toBe('retiring');
    expect(on('gpt-image-1.5', '2026-12-01')).toEqual({
      state: 'retired',
      since: '2026-12-01',
      successor: 'gpt-image-2.5-flare',
    });
    expect(on('gpt-image-1.5', '2027-03-01').state).toBe('retired');
  });

  it('GPT Image 1 mini and chatgpt-image-latest retire with it', () => {
    for (const model of ['gpt-image-1-mini', 'chatgpt-image-latest']) {
      expect(on(model, '2026-11-30').state, model).toBe('retiring');
      expect(on(model, '2026-12-01'), model).toMatchObject({
        state: 'retired',
        successor: 'gpt-image-2.5-flare',
      });
    }
  });

  it('GPT Image 1 (no notice date known): live the day before, retired on 23 Oct 2026', () => {
    expect(on('gpt-image-1', '2026-10-22')).toEqual({ state: 'live' });
    expect(on('gpt-image-1', '2026-10-23')).toEqual({
      state: 'retired',
      since: '2026-10-23',
      successor: 'gpt-image-2.5-sunburst',
    });
  });

  it('DALL·E: the successor follows the chain past models retired since', () => {
    expect(on('dall-e-3', '2025-11-13')).toEqual({ state: 'live' });
    expect(on('dall-e-3', '2026-05-11')).toMatchObject({
      state: 'retiring',
      shutdown: '2026-05-12',
    });
    // On its shutdown day DALL·E 3 points at GPT Image 1, still live then…
    expect(on('dall-e-3', '2026-05-12')).toMatchObject({
      state: 'retired',
      successor: 'gpt-image-1',
    });
    // …and once GPT Image 1 is gone too, at what OpenAI recommends instead of it.
    expect(on('dall-e-3', '2026-10-23')).toMatchObject({ successor: 'gpt-image-2.5-sunburst' });
    expect(on('dall-e-2', '2026-05-12')).toMatchObject({ successor: 'gpt-image-1-mini' });
    expect(on('dall-e-2', '2026-12-01')).toMatchObject({ successor: 'gpt-image-2.5-flare' });
  });

  it('GPT Image 2 and 2.5 are live; so is an id Easel does not know', () => {
    for (const model of ['gpt-image-2', 'gpt-image-2.5-flare', 'gpt-image-2.5', 'gpt-image-3']) {
      expect(on(model, '2027-06-01'), model).toEqual({ state: 'live' });
    }
  });
});

describe('lifecycles elsewhere', () => {
  it('Azure retires GPT Image 1.5 on 16 Dec 2026, a fortnight after OpenAI', () => {
    expect(on('gpt-image-1.5', '2026-12-04', 'azure')).toEqual({
      state: 'retiring',
      shutdown: '2026-12-16',
      successor: 'gpt-image-2.5-flare',
    });
    expect(on('gpt-image-1.5', '2026-12-15', 'azure').state).toBe('retiring');
    expect(on('gpt-image-1.5', '2026-12-16', 'azure').state).toBe('retired');
  });

  it('the local engine and compatible servers have no published lifecycle: all live', () => {
    expect(on('dall-e-2', '2026-12-04', null)).toEqual({ state: 'live' });
  });

  it('a chain that ends in retired models gives no successor', () => {
    expect(liveSuccessor('gpt-image-2', 'openai', Date.parse('2026-12-04'))).toBeNull();
  });
});

describe('describeStatus', () => {
  it('says the day and the successor in words', () => {
    expect(describeStatus(on('gpt-image-1.5', '2026-11-01'))).toBe(
      'Retires 1 Dec 2026 → GPT Image 2.5 Flare',
    );
    expect(describeStatus(on('dall-e-2', '2026-12-04'))).toBe(
      'Retired 12 May 2026 → GPT Image 2.5 Flare',
    );
    expect(describeStatus(on('gpt-image-2', '2026-12-04'))).toBe('Live');
  });
});
