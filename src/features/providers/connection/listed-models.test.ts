import { describe, expect, it } from 'vitest';
import { sortListedModels } from './listed-models.ts';

describe('sortListedModels: what Test connection offers from a compatible server’s list', () => {
  it('offers each image model once, trimmed, and sets text, audio and embedding models apart', () => {
    expect(
      sortListedModels([
        'gpt-4o-mini',
        'text-embedding-3-small',
        'dall-e-3',
        ' dall-e-3 ',
        'whisper-1',
        'tts-1-hd',
        'omni-moderation-latest',
        'o3',
        'flux-schnell',
        'Stable Diffusion XL/1.0',
        '',
      ]),
    ).toEqual({
      images: ['dall-e-3', 'flux-schnell', 'Stable Diffusion XL/1.0'],
      others: [
        'gpt-4o-mini',
        'text-embedding-3-small',
        'whisper-1',
        'tts-1-hd',
        'omni-moderation-latest',
        'o3',
      ],
    });
  });

  it('keeps ids that name an image model even in a text family', () => {
    expect(
      sortListedModels([
        'chatgpt-image-latest',
        'gpt-5-image',
        'gemini-2.5-flash-image',
        'qwen-image',
      ]).others,
    ).toEqual([]);
  });
});
