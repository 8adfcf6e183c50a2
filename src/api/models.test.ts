import { describe, expect, it } from 'vitest';
import { API_DEFAULT_MODEL, GPT_IMAGE_2_SIZE_RULE, MODELS, findModel } from './models.ts';
import { checkCustomSize, isExperimentalSize, isSizeAllowed, parseSize } from './image-size.ts';
import { modelsFor, rulesFor } from './model-lookup.ts';
import type { ModelId, Operation } from './model-types.ts';

const GPT_IMAGE_MODELS: ModelId[] = [
  'gpt-image-1',
  'gpt-image-1-mini',
  'gpt-image-1.5',
  'chatgpt-image-latest',
  'gpt-image-2',
  'gpt-image-2.5-flare',
  'gpt-image-2.5-sunburst',
];
const GPT_2_5: ModelId[] = ['gpt-image-2.5-flare', 'gpt-image-2.5-sunburst'];
const BEFORE_2_5 = GPT_IMAGE_MODELS.filter((m) => !GPT_2_5.includes(m));

describe('the model table', () => {
  it('has every model the studio supports, once', () => {
    expect(MODELS.map((m) => m.id).sort()).toEqual(
      ['dall-e-2', 'dall-e-3', ...GPT_IMAGE_MODELS].sort(),
    );
  });

  it('offers each operation only on the models whose endpoint takes it', () => {
    expect(modelsFor('variation').map((m) => m.id)).toEqual(['dall-e-2']);
    expect(modelsFor('edit').map((m) => m.id)).not.toContain('dall-e-3');
    expect(modelsFor('edit')).toHaveLength(8);
    expect(modelsFor('generate')).toHaveLength(9);
  });

  it('resolves aliases and dated snapshots to their model', () => {
    expect(findModel('gpt-image-2-2026-04-21')?.id).toBe('gpt-image-2');
    expect(findModel('gpt-image-2.5')?.id).toBe('gpt-image-2.5-flare');
    expect(findModel('gpt-image-2.5-flare-2026-09-08')?.id).toBe('gpt-image-2.5-flare');
    expect(findModel('gpt-image-2.5-sunburst-2026-09-08')?.id).toBe('gpt-image-2.5-sunburst');
    expect(findModel('dall-e-4')).toBeUndefined();
  });

  it('dates every price with where it was read', () => {
    for (const m of MODELS) {
      expect(m.price.read, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.price.source.length, m.id).toBeGreaterThan(5);
    }
  });

  it('uses the spec defaults when a request names no model', () => {
    expect(API_DEFAULT_MODEL).toEqual({
      generate: 'dall-e-2',
      edit: 'gpt-image-1.5',
      variation: 'dall-e-2',
    });
  });
});

describe('prompt limits', () => {
  const limits: [ModelId, Operation, number][] = [
    ['dall-e-2', 'generate', 1000],
    ['dall-e-2', 'edit', 1000],
    ['dall-e-3', 'generate', 4000],
    ...GPT_IMAGE_MODELS.flatMap((m): [ModelId, Operation, number][] => [
      [m, 'generate', 32000],
      [m, 'edit', 32000],
    ]),
  ];
  it.each(limits)('%s %s takes at most %d characters', (model, op, max) => {
    expect(rulesFor(model, op)?.promptMax).toBe(max);
  });

  it('variations take no prompt', () => {
    expect(rulesFor('dall-e-2', 'variation')?.promptMax).toBeNull();
  });
});

describe('n ranges', () => {
  it('dall-e-3 generates one image per request', () => {
    expect(rulesFor('dall-e-3', 'generate')?.nMax).toBe(1);
  });
  it.each(['dall-e-2', ...GPT_IMAGE_MODELS] as ModelId[])('%s generates up to 10', (model) => {
    expect(rulesFor(model, 'generate')?.nMax).toBe(10);
  });
});

describe('fixed sizes', () => {
  it('dall-e-2 is square only, 256 to 1024', () => {
    for (const op of ['generate', 'edit', 'variation'] as const) {
      expect(rulesFor('dall-e-2', op)?.sizes).toEqual(['256x256', '512x512', '1024x1024']);
      expect(rulesFor('dall-e-2', op)?.defaultSize).toBe('1024x1024');
    }
  });
  it('dall-e-3 has one square and two wide sizes', () => {
    expect(rulesFor('dall-e-3', 'generate')?.sizes).toEqual([
      '1024x1024',
      '1792x1024',
      '1024x1792',
    ]);
  });
  it.each(GPT_IMAGE_MODELS)('%s takes auto and the three standard sizes', (model) => {
    expect(rulesFor(model, 'generate')?.sizes).toEqual([
      'auto',
      '1024x1024',
      '1536x1024',
      '1024x1536',
    ]);
    expect(rulesFor(model, 'generate')?.defaultSize).toBe('auto');
    // Multipart edits default to 1024x1024 in the spec.
    expect(rulesFor(model, 'edit')?.defaultSize).toBe('1024x1024');
  });
  it('only gpt-image-2 and 2.5 take free sizes', () => {
    const rules = (m: ModelId) => rulesFor(m, 'generate')!;
    expect(isSizeAllowed(rules('gpt-image-2'), '1536x864')).toBe(true);
    for (const m of GPT_2_5) expect(isSizeAllowed(rules(m), '2048x1152'), m).toBe(true);
    expect(isSizeAllowed(rules('gpt-image-1.5'), '1536x864')).toBe(false);
    expect(isSizeAllowed(rules('dall-e-2'), '1792x1024')).toBe(false);
    expect(isSizeAllowed(rules('dall-e-3'), '1792x1024')).toBe(true);
  });
});

describe("gpt-image-2's free WxH rule", () => {
  const check = (size: string) => checkCustomSize(parseSize(size)!, GPT_IMAGE_2_SIZE_RULE);

  it('accepts multiples of 16 within 1:3..3:1 up to 3840x2160', () => {
    for (const ok of ['1536x864', '3840x2160', '2160x3840', '1024x640', '2880x960', '2048x2048']) {
      expect(check(ok), ok).toBeNull();
    }
  });
  it('refuses sides that are not multiples of 16', () => {
    expect(check('1000x1000')).toMatch(/multiples of 16/);
  });
  it('refuses aspect ratios beyond 3:1', () => {
    expect(check('3072x1008')).toMatch(/aspect ratio/);
    expect(check('1008x3072')).toMatch(/aspect ratio/);
  });
  it('refuses an edge over 3840 or more than 3840x2160 pixels', () => {
    expect(check('3856x2160')).toMatch(/longest edge/);
    expect(check('3840x2176')).toMatch(/pixels/);
  });
  it('refuses tiny sizes under the pixel floor', () => {
    expect(check('512x512')).toMatch(/At least/);
  });
  it('calls sizes above 2560x1440 experimental', () => {
    const rules = rulesFor('gpt-image-2', 'generate')!;
    expect(isExperimentalSize(rules, '2560x1440')).toBe(false);
    expect(isExperimentalSize(rules, '3840x2160')).toBe(true);
  });
  it('parses only well-formed WxH strings', () => {
    expect(parseSize('1024x1024')).toEqual({ width: 1024, height: 1024 });
    for (const bad of ['auto', '1024', '0x16', '-16x16', '16 x 16', '1e3x16', '0016x16']) {
      expect(parseSize(bad), bad).toBeNull();
    }
  });
});

describe('qualities, styles and formats', () => {
  it('dall-e-2 is standard only, dall-e-3 standard or hd, GPT models low..high and auto', () => {
    expect(rulesFor('dall-e-2', 'generate')?.qualities).toEqual(['standard']);
    expect(rulesFor('dall-e-3', 'generate')?.qualities).toEqual(['standard', 'hd']);
    for (const m of BEFORE_2_5) {
      expect(rulesFor(m, 'generate')?.qualities).toEqual(['auto', 'low', 'medium', 'high']);
    }
  });
  it('GPT Image 2.5 adds xhigh and max, for generations and edits', () => {
    for (const m of GPT_2_5) {
      for (const op of ['generate', 'edit'] as const) {
        expect(rulesFor(m, op)?.qualities, `${m} ${op}`).toEqual([
          'auto',
          'low',
          'medium',
          'high',
          'xhigh',
          'max',
        ]);
      }
    }
  });
  it('says in the table which formats carry transparency and take compression', () => {
    for (const m of GPT_IMAGE_MODELS) {
      expect(rulesFor(m, 'generate')?.transparentFormats, m).toEqual(['png', 'webp']);
      expect(rulesFor(m, 'edit')?.compressibleFormats, m).toEqual(['jpeg', 'webp']);
    }
  });
  it('only dall-e-3 has styles, vivid by default', () => {
    expect(rulesFor('dall-e-3', 'generate')?.styles).toEqual(['vivid', 'natural']);
    expect(rulesFor('dall-e-3', 'generate')?.defaultStyle).toBe('vivid');
    for (const m of ['dall-e-2', ...GPT_IMAGE_MODELS] as ModelId[]) {
      expect(rulesFor(m, 'generate')?.styles).toBeUndefined();
    }
  });
  it('dall-e models answer url (default) or b64_json; GPT models take no response_format', () => {
    expect(rulesFor('dall-e-2', 'variation')?.responseFormats).toEqual(['url', 'b64_json']);
    expect(rulesFor('dall-e-3', 'generate')?.defaultResponseFormat).toBe('url');
    for (const m of GPT_IMAGE_MODELS) expect(rulesFor(m, 'edit')?.responseFormats).toBeUndefined();
  });
  it('GPT models choose png/jpeg/webp output, background, and stream up to 3 partial images', () => {
    for (const m of GPT_IMAGE_MODELS) {
      const r = rulesFor(m, 'generate')!;
      expect(r.outputFormats).toEqual(['png', 'jpeg', 'webp']);
      expect(r.backgrounds).toEqual(['auto', 'transparent', 'opaque']);
      expect(r.partialImagesMax).toBe(3);
    }
    expect(rulesFor('dall-e-3', 'generate')?.outputFormats).toBeUndefined();
  });
  it('moderation exists for GPT generations but not multipart edits', () => {
    expect(rulesFor('gpt-image-1', 'generate')?.moderation).toEqual(['auto', 'low']);
    expect(rulesFor('gpt-image-1', 'edit')?.moderation).toBeUndefined();
  });
  it('input_fidelity is for gpt-image-1 and gpt-image-1.5 edits only', () => {
    expect(rulesFor('gpt-image-1', 'edit')?.inputFidelity).toEqual(['low', 'high']);
    expect(rulesFor('gpt-image-1.5', 'edit')?.inputFidelity).toEqual(['low', 'high']);
    expect(rulesFor('gpt-image-1-mini', 'edit')?.inputFidelity).toBeUndefined();
    expect(rulesFor('gpt-image-2', 'edit')?.inputFidelity).toBeUndefined();
    for (const m of GPT_2_5) expect(rulesFor(m, 'edit')?.inputFidelity, m).toBeUndefined();
    expect(rulesFor('gpt-image-1', 'generate')?.inputFidelity).toBeUndefined();
  });
  it('a transparent background is a preview on gpt-image-2 only', () => {
    expect(rulesFor('gpt-image-2', 'generate')?.previewBackgrounds).toEqual(['transparent']);
    expect(rulesFor('gpt-image-2', 'edit')?.previewBackgrounds).toEqual(['transparent']);
    expect(rulesFor('gpt-image-1.5', 'generate')?.previewBackgrounds).toBeUndefined();
    for (const m of GPT_2_5) expect(rulesFor(m, 'generate')?.previewBackgrounds, m).toBeUndefined();
  });
});

describe('input image rules', () => {
  const MB = 1024 * 1024;
  it('dall-e-2 takes one square PNG under 4 MB, and a PNG mask under 4 MB', () => {
    expect(rulesFor('dall-e-2', 'edit')?.images).toEqual({
      maxCount: 1,
      maxBytes: 4 * MB,
      formats: ['png'],
      square: true,
    });
    expect(rulesFor('dall-e-2', 'variation')?.images?.square).toBe(true);
    expect(rulesFor('dall-e-2', 'edit')?.mask?.maxBytes).toBe(4 * MB);
  });
  it.each(GPT_IMAGE_MODELS)('%s takes up to 16 png/webp/jpeg images under 50 MB', (model) => {
    expect(rulesFor(model, 'edit')?.images).toEqual({
      maxCount: 16,
      maxBytes: 50 * MB,
      formats: ['png', 'webp', 'jpeg'],
      square: false,
    });
  });
});
