/**
 * The shape of a fuzz case and the builders the generator files share (see ../fuzz.test.ts).
 * Every case is built to be wrong whatever the dice say: where a corruption might by chance
 * leave a readable file, the request also carries a certain fault that is only checked after
 * decoding (a mask of another size, a non-square image), so the decoders are still exercised.
 */
import { multipart, png, type FilePart, type FuzzAssets, type Part, type Rng } from './assets.ts';

export interface FuzzCase {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string | number>;
  /** The body, built when sent (large ones are not kept around). */
  body: () => Buffer;
  /** Send only this many bytes of the body: the answer must come without the rest. */
  sendBytes?: number;
  /** A whole request written by hand (malformed HTTP), sent as is. */
  raw?: () => Buffer;
  /** No Authorization header (the auth cases). */
  noAuth?: boolean;
}

/** Draws one case; `round` counts how often this generator ran before (0, 1, 2...). */
export type Generator = (rng: Rng, round: number) => FuzzCase;

export const GENERATE = '/v1/images/generations';
export const EDITS = '/v1/images/edits';
export const VARIATIONS = '/v1/images/variations';
export const GENERATE_MODELS = [
  'dall-e-2',
  'dall-e-3',
  'gpt-image-1',
  'gpt-image-1-mini',
  'gpt-image-1.5',
  'gpt-image-2',
];
export const EDIT_MODELS = GENERATE_MODELS.filter((m) => m !== 'dall-e-3');
export const MB = 1024 * 1024;

export const json = (kind: string, value: unknown, type = 'application/json'): FuzzCase => ({
  kind,
  method: 'POST',
  path: GENERATE,
  headers: { 'content-type': type },
  body: () => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

export const form = (
  kind: string,
  path: string,
  parts: Part[],
  options: { boundary?: string; declared?: string; close?: boolean } = {},
): FuzzCase => {
  const boundary = options.boundary ?? 'easel-fuzz-boundary';
  return {
    kind,
    method: 'POST',
    path,
    headers: {
      'content-type': options.declared ?? `multipart/form-data; boundary=${boundary}`,
    },
    body: () => multipart(boundary, parts, options.close ?? true),
  };
};

export const field = (name: string, value: string): Part => ({ name, value });
export const file = (name: string, value: FilePart): Part => ({ name, value });
/** A field no operation declares: a certain 400 that still lets the parser run first. */
export const poison = (rng: Rng): Part => field(`zz_${rng.text(6)}`, 'x');

/** The parts of a valid edit (before any fault is added). */
export const validEditParts = (assets: FuzzAssets, model: string): Part[] => [
  field('model', model),
  field('prompt', 'a small red boat'),
  file('image', png(assets.rgba)),
];
