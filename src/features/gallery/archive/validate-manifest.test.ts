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
    usage: { input_tokens: 5, input_tokens_details: { text_tokens: 5, image_tokens: 0 } },
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
const problems = (value: unknown) => {
  const check = validateManifest(value);
  return check.ok ? [] : check.problems;
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
    expect(problems(manifest({ entries: [entry(), edit, linkOnly], masks }))).toEqual([]);
  });

  it('accepts markup in a prompt as plain text (it is rendered as text, never HTML)', () => {
    expect(
      problems(manifest({ entries: [entry({ prompt: '<img src=x onerror=alert(1)>' })] })),
    ).toEqual([]);
  });

  it('refuses a kept link that is not a plain http(s) address', () => {
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
      expect(problems(manifest({ entries: [linkOnly] })).join('\n')).toMatch(
        /remote must be \{ url \(http or https\)/,
      );
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
    expect(problem).toMatch(/compose must be \{ mode \(raw, hard or soft\)/);
  });

  it('refuses what is not an Easel manifest of a version it reads', () => {
    expect(problems([])).toEqual(['The manifest is not a JSON object.']);
    expect(problems({ ...manifest(), format: 'other' })[0]).toMatch(/not an Easel gallery/);
    expect(problems(manifest({ version: 2 }))[0]).toMatch(/version 2; this Easel reads version 1/);
    expect(problems(manifest({ entries: {} }))).toContain('manifest: entries must be a list');
  });

  it('names the entry and field of each problem', () => {
    const bad = manifest({
      entries: [
        entry({ kind: 'sketch' }),
        entry({ id: 'e2', width: 0 }),
        entry({ id: 'e3', prompt: undefined }),
        entry({ id: 'e4', provider: { name: 'X', kind: 'local', apiKey: 'sk-...' } }),
        entry({ id: 'e5', secret: 1 }),
      ],
    });
    const found = problems(bad);
    expect(found).toContain(
      'entry 1 ("a lighthouse at dusk"): kind must be one of generation, edit, variation',
    );
    expect(found).toContain(
      'entry 2 ("a lighthouse at dusk"): width must be a whole number from 1 to 16384',
    );
    expect(found).toContain('entry 3: prompt is missing');
    expect(found.some((p) => p.startsWith('entry 4') && p.includes('provider must be'))).toBe(true);
    expect(found).toContain('entry 5 ("a lighthouse at dusk"): unknown field "secret"');
  });

  it('refuses inconsistent entries: no image and no link, duplicates, a missing mask, bad file names', () => {
    expect(
      problems(manifest({ entries: [entry({ file: undefined, sha256: undefined })] }))[0],
    ).toMatch(/neither an image file nor a link/);
    expect(problems(manifest({ entries: [entry(), entry()] }))[0]).toMatch(/id e1 appears twice/);
    expect(problems(manifest({ entries: [entry({ kind: 'edit', maskId: 'm9' })] }))[0]).toMatch(
      /its mask is not in the archive/,
    );
    expect(problems(manifest({ entries: [entry({ file: '../../etc/passwd' })] }))[0]).toMatch(
      /file must be a file name in images\//,
    );
    expect(problems(manifest({ entries: [entry({ file: 'images/e1.jpg' })] }))[0]).toMatch(
      /extension does not match image\/png/,
    );
    expect(problems(manifest({ entries: [entry({ parentId: 'e0' })] }))[0]).toMatch(
      /a generation has no parent/,
    );
  });

  it('lists at most eight problems and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => entry({ id: `e${i}`, width: -1 }));
    const found = problems(manifest({ entries: many }));
    expect(found).toHaveLength(9);
    expect(found[8]).toBe('…and 4 more problems');
  });
});
