import { describe, expect, it } from 'vitest';
import { validateManifest } from './validate-manifest.ts';

const sha = 'a'.repeat(64);
function entry(over: Record<string, unknown> = {}) {
  return {
    id: 'e1',
    kind: 'generation',
    batchId: 'b1',
    index: 0,
    createdAt: 1_700_000_000_000,
    durationMs: 1200,
    prompt: 'a lighthouse at dusk',
    model: 'gpt-image-1',
    params: { model: 'gpt-image-1', n: 1, stream: false },
    provider: { name: 'Local engine', kind: 'local' },
    usage: {
      input_tokens: 5,
      output_tokens: 10,
      total_tokens: 15,
      input_tokens_details: { text_tokens: 5, image_tokens: 0 },
    },
    mime: 'image/png',
    width: 1024,
    height: 1024,
    byteLength: 1234,
    favourite: false,
    file: 'images/e1.png',
    sha256: sha,
    ...over,
  };
}
const manifest = (over: Record<string, unknown> = {}) => ({
  format: 'easel-gallery',
  version: 1,
  exportedAt: 1_700_000_000_000,
  entries: [entry()],
  masks: [],
  ...over,
});
/** Why the whole manifest was refused, or which entries and masks were left out. */
const problems = (value: unknown) => {
  const check = validateManifest(value);
  return check.ok ? check.skipped : check.problems;
};

describe('validateManifest', () => {
  it('accepts a well-formed manifest, link-only entries and edits with masks included', () => {
    const edit = entry({
      id: 'e2',
      kind: 'edit',
      parentId: 'e1',
      maskId: 'm1',
      revisedPrompt: 'rewritten',
      file: 'images/e2.webp',
      mime: 'image/webp',
    });
    const linkOnly = entry({
      id: 'e3',
      file: undefined,
      sha256: undefined,
      mime: '',
      remote: { url: 'https://example.test/a.png', expiresAt: 1, reason: 'CORS' },
    });
    const masks = [{ id: 'm1', file: 'masks/m1.png', sha256: sha, byteLength: 10 }];
    const check = validateManifest(manifest({ entries: [entry(), edit, linkOnly], masks }));
    expect(check).toMatchObject({ ok: true, skipped: [] });
    expect(check.ok && check.entries.map((e) => [e.entry.id, e.place])).toEqual([
      ['e1', 1],
      ['e2', 2],
      ['e3', 3],
    ]);
  });

  it('carries an uploaded photo (kind upload, its file name and content hash) as it is', () => {
    const upload = entry({
      kind: 'upload',
      prompt: '',
      model: 'upload',
      params: { model: 'upload' },
      usage: undefined,
      mime: 'image/jpeg',
      file: 'images/e1.jpg',
      fileName: 'holiday.jpg',
      contentHash: 'b'.repeat(64),
    });
    const check = validateManifest(manifest({ entries: [upload] }));
    expect(check).toMatchObject({ ok: true, skipped: [] });
    expect(check.ok && check.entries[0]?.entry).toMatchObject({
      kind: 'upload',
      fileName: 'holiday.jpg',
      contentHash: 'b'.repeat(64),
    });
  });

  it('accepts markup in a prompt as plain text (it is rendered as text, never HTML)', () => {
    expect(
      problems(manifest({ entries: [entry({ prompt: '<img src=x onerror=alert(1)>' })] })),
    ).toEqual([]);
  });

  it('leaves out a kept link that is not a plain http(s) address', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://trusted.example@evil.example/a.png',
    ]) {
      const linkOnly = entry({
        file: undefined,
        sha256: undefined,
        mime: '',
        remote: { url, expiresAt: 1, reason: 'CORS' },
      });
      expect(problems(manifest({ entries: [linkOnly] }))).toEqual([
        'entry 1 ("a lighthouse at dusk"): remote.url must be an http or https link',
      ]);
    }
  });

  it('accepts an edit’s compose settings and names a malformed one', () => {
    const compose = {
      mode: 'soft',
      grow: 12,
      feather: 12,
      colourMatch: true,
      keepUnchanged: false,
    };
    expect(problems(manifest({ entries: [entry({ kind: 'edit', compose })] }))).toEqual([]);
    const [problem] = problems(
      manifest({ entries: [entry({ compose: { ...compose, mode: 'blur', extra: 1 } })] }),
    );
    expect(problem).toMatch(/compose\.(mode must be raw, hard or soft|extra is not a known field)/);
  });

  it('refuses what is not an Easel manifest of a version it reads', () => {
    expect(problems([])).toEqual(['The manifest is not a JSON object.']);
    expect(problems({ ...manifest(), format: 'other' })[0]).toMatch(/not an Easel gallery/);
    expect(problems(manifest({ version: 2 }))[0]).toMatch(/version 2; this Easel reads version 1/);
    expect(problems(manifest({ entries: {} }))).toEqual(['manifest: entries must be a list']);
    expect(problems(manifest({ secret: 1 }))).toEqual(['manifest: secret is not a known field']);
  });

  it('leaves out each entry that breaks the contract, naming the entry and the field', () => {
    const check = validateManifest(
      manifest({
        entries: [
          entry({ kind: 'sketch' }),
          entry({ id: 'e2', width: 0 }),
          entry({ id: 'e3', prompt: undefined }),
          entry({ id: 'e4', provider: { name: 'X', kind: 'local', apiKey: 'sk-...' } }),
          entry({ id: 'e5', secret: 1 }),
          entry({ id: 'e6' }),
        ],
      }),
    );
    expect(check.ok && check.entries.map((e) => e.entry.id)).toEqual(['e6']);
    expect(check.ok && check.skipped).toEqual([
      'entry 1 ("a lighthouse at dusk"): kind must be one of generation, edit, variation, upload',
      'entry 2 ("a lighthouse at dusk"): width must be a whole number from 1 to 16384',
      'entry 3: prompt is missing',
      'entry 4 ("a lighthouse at dusk"): provider.apiKey is not a known field',
      'entry 5 ("a lighthouse at dusk"): secret is not a known field',
    ]);
  });

  it('bounds every number, length and count, so no value can freeze the tab or break a date', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ createdAt: Number.MAX_SAFE_INTEGER }, /createdAt must be a time between 1970 and 9999/],
      [
        {
          file: undefined,
          sha256: undefined,
          mime: '',
          remote: { url: 'https://example.test/a.png', expiresAt: 1e300, reason: 'x' },
        },
        /remote.expiresAt must be a time/,
      ],
      [
        {
          file: undefined,
          sha256: undefined,
          mime: '',
          remote: { url: 'https://example.test/a.png', expiresAt: 1, reason: 'x'.repeat(20e6) },
        },
        /remote.reason must be at most 2000 characters/,
      ],
      [{ byteLength: 2 * 1024 ** 3 }, /byteLength must be at most 64 MB/],
      [{ durationMs: 1e300 }, /durationMs must be a duration of at most a day/],
      [
        {
          params: {
            model: 'gpt-image-1',
            ...Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, 1])),
          },
        },
        /params must have at most 64 keys/,
      ],
      [{ params: { n: 1 } }, /params\.model/],
      [{ usage: { input_tokens: 5, total_tokens: 5 } }, /usage\.output_tokens/],
      [{ usage: { input_tokens: Number.POSITIVE_INFINITY } }, /usage/],
    ];
    for (const [over, message] of bad) {
      expect(problems(manifest({ entries: [entry(over)] })).join('\n')).toMatch(message);
    }
  });

  it('reads the token counts an older Easel kept: a missing total is summed, a partial detail dropped', () => {
    const usageOf = (usage: unknown) => {
      const check = validateManifest(manifest({ entries: [entry({ usage })] }));
      expect(check).toMatchObject({ ok: true, skipped: [] });
      return check.ok ? check.entries[0]!.entry.usage : null;
    };
    expect(usageOf({ input_tokens: 5, output_tokens: 10 })).toEqual({
      input_tokens: 5,
      output_tokens: 10,
      total_tokens: 15,
    });
    expect(
      usageOf({
        input_tokens: 5,
        output_tokens: 10,
        total_tokens: 15,
        input_tokens_details: { text_tokens: 5 },
        output_tokens_details: { image_tokens: 10, text_tokens: 0 },
      }),
    ).toEqual({
      input_tokens: 5,
      output_tokens: 10,
      total_tokens: 15,
      output_tokens_details: { image_tokens: 10, text_tokens: 0 },
    });
  });

  it('leaves out inconsistent entries: no image and no link, duplicates, a missing mask, bad file names', () => {
    const first = (over: Record<string, unknown>, extra: unknown[] = []) =>
      problems(manifest({ entries: [...extra, entry(over)] }))[0];
    expect(first({ file: undefined, sha256: undefined })).toMatch(
      /neither an image file nor a link/,
    );
    expect(first({}, [entry()])).toMatch(/entry 2 .*id e1 appears twice/);
    expect(first({ kind: 'edit', maskId: 'm9' })).toMatch(/its mask is not in the archive/);
    expect(first({ file: '../../etc/passwd' })).toMatch(/file must be a file name in images\//);
    expect(first({ file: 'images/e1.jpg' })).toMatch(/extension does not match/);
    expect(first({ parentId: 'e0' })).toMatch(/a generation has no parent/);
  });

  it('refuses a manifest with more entries than any gallery holds', () => {
    const entries = Array.from({ length: 200_001 }, () => 0);
    expect(problems(manifest({ entries }))[0]).toMatch(/more than 200,000 entries/);
  });
});
