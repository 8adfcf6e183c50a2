/**
 * Checks an archive's parsed manifest.json against the version-1 contract (manifest.ts)
 * before import writes anything. Hand-written rather than a schema library: the format is
 * ours and small, and each problem is reported in words a designer can read
 * ("entry 3 (…): width must be a whole number from 1 to 16384").
 */
import type { ProviderKind } from '../../../api/image-result.ts';
import { acceptResultUrl } from '../../../api/result-url.ts';
import { ENTRY_KINDS } from '../../gallery-store/gallery-entry.ts';
import {
  IMAGE_EXTENSIONS,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type GalleryManifest,
} from './manifest.ts';

export type ManifestCheck =
  { ok: true; manifest: GalleryManifest } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;
type Rule = (value: unknown) => string | null;

const PROVIDER_KINDS: readonly ProviderKind[] = ['local', 'openai', 'azure', 'compatible'];
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MAX_PROMPT = 32_000;
const MAX_EDGE = 16_384;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text =
  (max: number, allowEmpty = true): Rule =>
  (v) =>
    typeof v !== 'string'
      ? 'must be text'
      : v.length > max
        ? `must be at most ${max} characters`
        : !allowEmpty && v.length === 0
          ? 'must not be empty'
          : null;
const id: Rule = (v) =>
  typeof v === 'string' && ID.test(v) ? null : 'must be an id (letters, digits, - or _)';
const whole =
  (min: number, max = Number.MAX_SAFE_INTEGER): Rule =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}`;
const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;
const bool: Rule = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const ids: Rule = (v) =>
  Array.isArray(v) && v.length <= 1000 && v.every((x) => !id(x)) ? null : 'must be a list of ids';
const sha256: Rule = (v) =>
  typeof v === 'string' && SHA256.test(v) ? null : 'must be a SHA-256 hex digest';
const params: Rule = (v) =>
  isObject(v) && Object.values(v).every((p) => ['string', 'number', 'boolean'].includes(typeof p))
    ? null
    : 'must map parameter names to text, numbers or true/false';
const provider: Rule = (v) =>
  isObject(v) &&
  !text(200, false)(v.name) &&
  !oneOf(PROVIDER_KINDS)(v.kind) &&
  Object.keys(v).length === 2
    ? null
    : `must be { name, kind } with kind one of ${PROVIDER_KINDS.join(', ')}`;
// Token counts: numbers, or objects of numbers one level down (input_tokens_details…).
const usage: Rule = (v) =>
  isObject(v) &&
  Object.values(v).every(
    (u) =>
      typeof u === 'number' ||
      (isObject(u) && Object.values(u).every((n) => typeof n === 'number')),
  )
    ? null
    : 'must hold token counts';
const remote: Rule = (v) =>
  isObject(v) &&
  // The studio's one gate for outside links: absolute http(s), no credentials.
  acceptResultUrl(v.url) !== null &&
  typeof v.expiresAt === 'number' &&
  typeof v.reason === 'string' &&
  Object.keys(v).length === 3
    ? null
    : 'must be { url (http or https), expiresAt, reason }';
// An edit's compose-back settings (gallery-entry.ts ComposeRecord); pixel sizes are capped
// well above anything the editor offers.
const compose: Rule = (v) =>
  isObject(v) &&
  !oneOf(['raw', 'hard', 'soft'])(v.mode) &&
  !whole(0, 1024)(v.grow) &&
  !whole(0, 1024)(v.feather) &&
  !bool(v.colourMatch) &&
  !bool(v.keepUnchanged) &&
  Object.keys(v).length === 5
    ? null
    : 'must be { mode (raw, hard or soft), grow, feather, colourMatch, keepUnchanged }';
const file =
  (folder: string): Rule =>
  (v) =>
    typeof v === 'string' && new RegExp(`^${folder}/[A-Za-z0-9_-]{1,64}\\.[a-z]{2,4}$`).test(v)
      ? null
      : `must be a file name in ${folder}/`;

const ENTRY_FIELDS: Record<string, { rule: Rule; optional?: true }> = {
  id: { rule: id },
  kind: { rule: oneOf(ENTRY_KINDS) },
  batchId: { rule: id },
  index: { rule: whole(0, 1000) },
  createdAt: { rule: whole(0) },
  durationMs: { rule: whole(0) },
  prompt: { rule: text(MAX_PROMPT) },
  revisedPrompt: { rule: text(MAX_PROMPT), optional: true },
  model: { rule: text(200, false) },
  params: { rule: params },
  provider: { rule: provider },
  parentId: { rule: id, optional: true },
  maskId: { rule: id, optional: true },
  usage: { rule: usage, optional: true },
  mime: { rule: oneOf(['', ...Object.keys(IMAGE_EXTENSIONS)]) },
  width: { rule: whole(1, MAX_EDGE) },
  height: { rule: whole(1, MAX_EDGE) },
  byteLength: { rule: whole(0) },
  favourite: { rule: bool },
  remote: { rule: remote, optional: true },
  boardIds: { rule: ids, optional: true },
  compose: { rule: compose, optional: true },
  file: { rule: file('images'), optional: true },
  sha256: { rule: sha256, optional: true },
};

const BOARD_FIELDS: Record<string, { rule: Rule; optional?: true }> = {
  id: { rule: id },
  name: { rule: text(80, false) },
  createdAt: { rule: whole(0) },
};

const MASK_FIELDS: Record<string, { rule: Rule; optional?: true }> = {
  id: { rule: id },
  file: { rule: file('masks') },
  sha256: { rule: sha256 },
  byteLength: { rule: whole(1) },
};

function checkFields(value: unknown, fields: typeof ENTRY_FIELDS, where: string): string[] {
  if (!isObject(value)) return [`${where} must be an object`];
  const problems = Object.keys(value)
    .filter((key) => !(key in fields))
    .map((key) => `${where}: unknown field "${key}"`);
  for (const [key, { rule, optional }] of Object.entries(fields)) {
    if (value[key] === undefined) {
      if (!optional) problems.push(`${where}: ${key} is missing`);
      continue;
    }
    const problem = rule(value[key]);
    if (problem) problems.push(`${where}: ${key} ${problem}`);
  }
  return problems;
}

function entryProblems(
  entry: Json,
  where: string,
  maskIds: Set<string>,
  boardIds: Set<string>,
): string[] {
  const problems: string[] = [];
  if (entry.file === undefined && entry.remote === undefined)
    problems.push(`${where}: has neither an image file nor a link`);
  if ((entry.file === undefined) !== (entry.sha256 === undefined))
    problems.push(`${where}: file and sha256 go together`);
  if (entry.file !== undefined && entry.mime === '')
    problems.push(`${where}: mime must name the image format`);
  if (typeof entry.file === 'string' && typeof entry.mime === 'string') {
    const ext = IMAGE_EXTENSIONS[entry.mime];
    if (ext && !entry.file.endsWith(`.${ext}`))
      problems.push(`${where}: file extension does not match ${entry.mime}`);
  }
  if (typeof entry.maskId === 'string' && !maskIds.has(entry.maskId))
    problems.push(`${where}: its mask is not in the archive`);
  if (Array.isArray(entry.boardIds) && entry.boardIds.some((b) => !boardIds.has(b as string)))
    problems.push(`${where}: names a board the archive does not list`);
  if (entry.kind === 'generation' && entry.parentId !== undefined)
    problems.push(`${where}: a generation has no parent`);
  return problems;
}

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 8;

export function validateManifest(value: unknown): ManifestCheck {
  if (!isObject(value)) return { ok: false, problems: ['The manifest is not a JSON object.'] };
  if (value.format !== MANIFEST_FORMAT)
    return { ok: false, problems: ['The manifest is not an Easel gallery manifest.'] };
  if (value.version !== MANIFEST_VERSION) {
    return {
      ok: false,
      problems: [
        `The manifest is version ${String(value.version)}; this Easel reads version ${MANIFEST_VERSION}.`,
      ],
    };
  }
  const problems: string[] = [];
  const unknown = Object.keys(value).filter(
    (k) => !['format', 'version', 'exportedAt', 'entries', 'masks', 'boards'].includes(k),
  );
  problems.push(...unknown.map((k) => `manifest: unknown field "${k}"`));
  if (whole(0)(value.exportedAt)) problems.push('manifest: exportedAt must be a time');
  if (!Array.isArray(value.entries)) problems.push('manifest: entries must be a list');
  if (!Array.isArray(value.masks)) problems.push('manifest: masks must be a list');
  if (value.boards !== undefined && !Array.isArray(value.boards))
    problems.push('manifest: boards must be a list');
  if (problems.length) return { ok: false, problems };

  const masks = value.masks as unknown[];
  const maskIds = new Set<string>();
  masks.forEach((mask, i) => {
    const where = `mask ${i + 1}`;
    problems.push(...checkFields(mask, MASK_FIELDS, where));
    if (isObject(mask) && typeof mask.id === 'string') {
      if (maskIds.has(mask.id)) problems.push(`${where}: id ${mask.id} appears twice`);
      maskIds.add(mask.id);
    }
  });
  const boardIds = new Set<string>();
  ((value.boards ?? []) as unknown[]).forEach((board, i) => {
    const where = `board ${i + 1}`;
    problems.push(...checkFields(board, BOARD_FIELDS, where));
    if (isObject(board) && typeof board.id === 'string') {
      if (boardIds.has(board.id)) problems.push(`${where}: id ${board.id} appears twice`);
      boardIds.add(board.id);
    }
  });
  const entryIds = new Set<string>();
  (value.entries as unknown[]).forEach((entry, i) => {
    const label =
      isObject(entry) && typeof entry.prompt === 'string'
        ? ` ("${entry.prompt.slice(0, 40)}")`
        : '';
    const where = `entry ${i + 1}${label}`;
    const fieldProblems = checkFields(entry, ENTRY_FIELDS, where);
    problems.push(...fieldProblems);
    if (!isObject(entry) || fieldProblems.length) return;
    problems.push(...entryProblems(entry, where, maskIds, boardIds));
    if (entryIds.has(entry.id as string))
      problems.push(`${where}: id ${String(entry.id)} appears twice`);
    entryIds.add(entry.id as string);
  });
  if (problems.length > MAX_LISTED) {
    const more = problems.length - MAX_LISTED;
    return {
      ok: false,
      problems: [
        ...problems.slice(0, MAX_LISTED),
        `…and ${more} more problem${more === 1 ? '' : 's'}`,
      ],
    };
  }
  return problems.length
    ? { ok: false, problems }
    : { ok: true, manifest: value as unknown as GalleryManifest };
}
