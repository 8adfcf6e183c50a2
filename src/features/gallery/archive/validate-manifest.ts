/**
 * Checks an archive's parsed manifest.json against the version-1 contract (manifest.ts) with
 * valibot, before import writes anything. Every field is bounded — numbers, text lengths,
 * key counts, list lengths — so no value in an archive can freeze the tab or make a date
 * throw when the entry is shown (archive-limits.ts).
 *
 * Two levels: a manifest whose frame is wrong (not an Easel manifest, another version, no
 * lists, too many entries) is refused whole; an entry or mask that breaks the contract is
 * left out and named ("entry 3 ("a lighthouse…"): createdAt must be …"), and the rest import.
 */
import * as v from 'valibot';
import type { ProviderKind } from '../../../api/image-result.ts';
import { IMAGE_USAGE, type ImageUsage } from '../../../api/image-usage.ts';
import type { ImageParams } from '../../../api/params.ts';
import { acceptResultUrl } from '../../../api/result-url.ts';
import { ENTRY_KINDS, type Board } from '../../gallery-store/gallery-entry.ts';
import { MAX_EDGE, MAX_ENTRIES, MAX_IMAGE_BYTES, MAX_PROMPT, MAX_TIME } from './archive-limits.ts';
import { IMAGE_EXTENSIONS } from '../../gallery-store/entry-file.ts';
import {
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type ManifestEntry,
  type ManifestMask,
} from './manifest.ts';

const PROVIDER_KINDS: readonly ProviderKind[] = ['local', 'openai', 'azure', 'compatible'];

const text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const name = (max: number) => v.pipe(text(max), v.nonEmpty('must not be empty'));
const whole = (min: number, max: number, what = `a whole number from ${min} to ${max}`) =>
  v.pipe(
    v.number(),
    v.integer(`must be ${what}`),
    v.minValue(min, `must be ${what}`),
    v.maxValue(max, `must be ${what}`),
  );
const time = whole(0, MAX_TIME, 'a time between 1970 and 9999');
const id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id (letters, digits, - or _)'),
);
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'));
const file = (folder: string) =>
  v.pipe(
    v.string(),
    v.regex(
      new RegExp(`^${folder}/[A-Za-z0-9_-]{1,64}\\.[a-z]{2,4}$`),
      `must be a file name in ${folder}/`,
    ),
  );

const PARAM_VALUE = v.union(
  [text(MAX_PROMPT), v.pipe(v.number(), v.finite()), v.boolean()],
  'must map parameter names to text, numbers or true/false',
);
/** The request's parameters: the model it named, then up to 63 more short-named scalars. */
const PARAMS = v.pipe(
  v.objectWithRest({ model: name(200) }, PARAM_VALUE),
  v.check((r) => Object.keys(r).length <= 64, 'must have at most 64 keys'),
  v.check((r) => Object.keys(r).every((k) => k.length <= 64), 'must have short parameter names'),
);
const REMOTE = v.strictObject({
  url: v.pipe(
    v.string(),
    v.maxLength(8192),
    // The studio's one gate for outside links: absolute http(s), no credentials.
    v.check((url) => acceptResultUrl(url) !== null, 'must be an http or https link'),
  ),
  expiresAt: time,
  reason: text(2000),
});

/**
 * Token counts as archives hold them. Easel before 5 Dec 2026 kept a compatible server's usage
 * as it came, and exported it so: no total_tokens, or details lacking a count. Such an entry
 * still imports: a missing total is the sum of input and output, an incomplete detail is
 * dropped (its cost then counts all input as text). Input and output counts stay required:
 * without them no cost can be told, and an entry claiming usage without them is malformed.
 */
const { input_tokens: tokens, input_tokens_details: details } = IMAGE_USAGE.entries;
const ARCHIVED_USAGE = v.pipe(
  v.object({
    input_tokens: tokens,
    output_tokens: tokens,
    total_tokens: v.optional(tokens),
    input_tokens_details: v.optional(v.unknown()),
    output_tokens_details: v.optional(v.unknown()),
  }),
  v.transform(({ input_tokens, output_tokens, total_tokens, ...rest }): ImageUsage => {
    const usage: ImageUsage = {
      input_tokens,
      output_tokens,
      total_tokens: total_tokens ?? input_tokens + output_tokens,
    };
    for (const key of ['input_tokens_details', 'output_tokens_details'] as const) {
      const detail = v.safeParse(details, rest[key]);
      if (detail.success && detail.output) usage[key] = detail.output;
    }
    return usage;
  }),
);

const ENTRY = v.pipe(
  v.strictObject({
    id,
    kind: v.picklist(ENTRY_KINDS, `must be one of ${ENTRY_KINDS.join(', ')}`),
    batchId: id,
    index: whole(0, 1000),
    createdAt: time,
    durationMs: whole(0, 86_400_000, 'a duration of at most a day'),
    prompt: text(MAX_PROMPT),
    revisedPrompt: v.optional(text(MAX_PROMPT)),
    model: name(200),
    params: PARAMS,
    provider: v.strictObject({
      name: name(200),
      kind: v.picklist(PROVIDER_KINDS, `must be one of ${PROVIDER_KINDS.join(', ')}`),
    }),
    parentId: v.optional(id),
    maskId: v.optional(id),
    usage: v.optional(ARCHIVED_USAGE),
    mime: v.picklist(['', ...Object.keys(IMAGE_EXTENSIONS)]),
    width: whole(1, MAX_EDGE),
    height: whole(1, MAX_EDGE),
    byteLength: whole(
      0,
      MAX_IMAGE_BYTES,
      `at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB, the largest image Easel stores`,
    ),
    favourite: v.boolean('must be true or false'),
    remote: v.optional(REMOTE),
    boardIds: v.optional(v.pipe(v.array(id), v.maxLength(1000, 'must name at most 1000 boards'))),
    // An edit's compose-back settings (ComposeRecord); pixel sizes are capped well above
    // anything the editor offers.
    compose: v.optional(
      v.strictObject({
        mode: v.picklist(['raw', 'hard', 'soft'], 'must be raw, hard or soft'),
        grow: whole(0, 1024),
        feather: whole(0, 1024),
        colourMatch: v.boolean('must be true or false'),
        keepUnchanged: v.boolean('must be true or false'),
      }),
    ),
    file: v.optional(file('images')),
    sha256: v.optional(sha256),
    fileName: v.optional(text(255)), // an upload's (GalleryEntry.fileName/contentHash)
    contentHash: v.optional(sha256),
  }),
  v.check(
    (e) => e.file !== undefined || e.remote !== undefined,
    'has neither an image file nor a link',
  ),
  v.check(
    (e) => (e.file === undefined) === (e.sha256 === undefined),
    'file and sha256 go together',
  ),
  v.check((e) => e.file === undefined || e.mime !== '', 'mime must name the image format'),
  v.check(
    (e) => !e.file || !IMAGE_EXTENSIONS[e.mime] || e.file.endsWith(`.${IMAGE_EXTENSIONS[e.mime]}`),
    'file extension does not match its mime type',
  ),
  v.check((e) => e.kind !== 'generation' || e.parentId === undefined, 'a generation has no parent'),
);

const MASK = v.strictObject({
  id,
  file: file('masks'),
  sha256,
  byteLength: whole(1, MAX_IMAGE_BYTES, `at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`),
});

const BOARD = v.strictObject({ id, name: name(80), createdAt: time });

const FRAME = v.strictObject({
  format: v.literal(MANIFEST_FORMAT, 'The manifest is not an Easel gallery manifest.'),
  version: v.literal(MANIFEST_VERSION),
  exportedAt: time,
  entries: v.pipe(
    v.array(v.unknown(), 'entries must be a list'),
    v.maxLength(MAX_ENTRIES, `holds more than ${MAX_ENTRIES.toLocaleString('en')} entries`),
  ),
  masks: v.pipe(v.array(v.unknown(), 'masks must be a list'), v.maxLength(MAX_ENTRIES)),
  boards: v.optional(v.pipe(v.array(v.unknown(), 'boards must be a list'), v.maxLength(10_000))),
});

export interface ManifestCheck {
  ok: true;
  /** Entries that passed, in manifest order, each with its 1-based place for messages. */
  entries: { entry: ManifestEntry; place: number }[];
  masks: ManifestMask[];
  /** The boards the archive lists (entries' boardIds name only these). */
  boards: Board[];
  exportedAt: number;
  /** One sentence per entry or mask left out. */
  skipped: string[];
}

export type ManifestRefusal = { ok: false; problems: string[] };

const EXPECTED: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
  Object: 'must be an object',
  Array: 'must be a list',
};

/** "createdAt must be a time…" from valibot's first issue, with the path that failed. */
function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  let message = issue.message;
  if (issue.type === 'strict_object' && issue.expected === 'never')
    message = 'is not a known field';
  else if (issue.received === 'undefined') message = 'is missing';
  else if (
    !message.startsWith('must') &&
    !message.startsWith('has ') &&
    !message.startsWith('a ') &&
    !message.startsWith('file ') &&
    !message.startsWith('The ')
  )
    message = EXPECTED[issue.expected ?? ''] ?? `is not valid (${message})`;
  return path ? `${path} ${message}` : message;
}

export const entryLabel = (value: unknown, place: number) => {
  const prompt = (value as { prompt?: unknown } | null)?.prompt;
  return `entry ${place}${typeof prompt === 'string' ? ` ("${prompt.slice(0, 40)}")` : ''}`;
};

export function validateManifest(value: unknown): ManifestCheck | ManifestRefusal {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problems: ['The manifest is not a JSON object.'] };
  const version = (value as { version?: unknown }).version;
  if ((value as { format?: unknown }).format === MANIFEST_FORMAT && version !== MANIFEST_VERSION) {
    return {
      ok: false,
      problems: [
        `The manifest is version ${String(version)}; this Easel reads version ${MANIFEST_VERSION}.`,
      ],
    };
  }
  const frame = v.safeParse(FRAME, value);
  if (!frame.success) return { ok: false, problems: [`manifest: ${describe(frame.issues)}`] };

  const skipped: string[] = [];
  const masks: ManifestMask[] = [];
  const maskIds = new Set<string>();
  frame.output.masks.forEach((raw, i) => {
    const mask = v.safeParse(MASK, raw);
    if (!mask.success) return skipped.push(`mask ${i + 1}: ${describe(mask.issues)}`);
    if (maskIds.has(mask.output.id))
      return skipped.push(`mask ${i + 1}: id ${mask.output.id} appears twice`);
    maskIds.add(mask.output.id);
    masks.push(mask.output);
  });
  const boards: Board[] = [];
  const boardIds = new Set<string>();
  (frame.output.boards ?? []).forEach((raw, i) => {
    const board = v.safeParse(BOARD, raw);
    if (!board.success) return skipped.push(`board ${i + 1}: ${describe(board.issues)}`);
    if (boardIds.has(board.output.id))
      return skipped.push(`board ${i + 1}: id ${board.output.id} appears twice`);
    boardIds.add(board.output.id);
    boards.push(board.output);
  });
  const entries: ManifestCheck['entries'] = [];
  const entryIds = new Set<string>();
  frame.output.entries.forEach((raw, i) => {
    const where = entryLabel(raw, i + 1);
    const entry = v.safeParse(ENTRY, raw);
    if (!entry.success) return skipped.push(`${where}: ${describe(entry.issues)}`);
    const { output } = entry;
    if (output.maskId !== undefined && !maskIds.has(output.maskId))
      return skipped.push(`${where}: its mask is not in the archive`);
    if (output.boardIds?.some((b) => !boardIds.has(b)))
      return skipped.push(`${where}: names a board the archive does not list`);
    if (entryIds.has(output.id)) return skipped.push(`${where}: id ${output.id} appears twice`);
    entryIds.add(output.id);
    // The values of `params` are checked as bounded scalars, not as each model's choices: an
    // archive from a newer Easel may name a quality or format this one does not know yet.
    const params = output.params as ImageParams;
    entries.push({ entry: { ...output, params } satisfies ManifestEntry, place: i + 1 });
  });
  return { ok: true, entries, masks, boards, exportedAt: frame.output.exportedAt, skipped };
}
