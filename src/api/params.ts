/**
 * ONE description of an images request: each parameter under its API name (snake_case, so
 * nothing is renamed between the form, the request, the gallery and the engine), its wire
 * type, the operations that take it and the name the form shows. The TypeScript type comes
 * from the `openai` package's own request types, widened only where today's models go beyond
 * that version (any model id, the xhigh and max qualities). What values each model accepts is
 * the model table's business; checkParams applies it (params-check.ts).
 */
import type { ImageEditParamsBase, ImageGenerateParamsBase } from 'openai/resources/images';
import type { ModelId, Operation, Quality } from './model-types.ts';

type SdkParams = Omit<ImageGenerateParamsBase, 'model' | 'prompt' | 'quality' | 'size'> &
  Pick<ImageEditParamsBase, 'input_fidelity'>;

/** A request's parameters (files aside). `null` is never used: an absent key means "not set". */
export type ImageParams = {
  model: ModelId;
  prompt?: string;
  /** A fixed size, `auto`, or WxH where the model takes free sizes. */
  size?: string;
  quality?: Quality;
} & { [K in keyof SdkParams]?: NonNullable<SdkParams[K]> };

export type ParamName = keyof ImageParams;

/** How a field travels: multipart sends every scalar as text and the server converts it back. */
export type WireType = 'string' | 'integer' | 'boolean' | 'file';

interface ParamSpec {
  type: WireType;
  operations: readonly Operation[];
  /** The setting's name as the form shows it. */
  label: string;
}

const ALL: readonly Operation[] = ['generate', 'edit', 'variation'];
const PROMPTED: readonly Operation[] = ['generate', 'edit'];

/** Every field each operation's schema declares (spec: CreateImage*Request), files included. */
export const PARAMS = {
  prompt: { type: 'string', operations: PROMPTED, label: 'Prompt' },
  model: { type: 'string', operations: ALL, label: 'Model' },
  n: { type: 'integer', operations: ALL, label: 'Number of images' },
  size: { type: 'string', operations: ALL, label: 'Size' },
  quality: { type: 'string', operations: PROMPTED, label: 'Quality' },
  style: { type: 'string', operations: ['generate'], label: 'Style' },
  response_format: { type: 'string', operations: ALL, label: 'Response format' },
  output_format: { type: 'string', operations: PROMPTED, label: 'Output format' },
  output_compression: { type: 'integer', operations: PROMPTED, label: 'Compression' },
  background: { type: 'string', operations: PROMPTED, label: 'Background' },
  // Generations and JSON edits only: not part of the multipart edit schema.
  moderation: { type: 'string', operations: ['generate'], label: 'Moderation' },
  stream: { type: 'boolean', operations: PROMPTED, label: 'Streaming' },
  partial_images: { type: 'integer', operations: PROMPTED, label: 'Partial images' },
  input_fidelity: { type: 'string', operations: ['edit'], label: 'Input fidelity' },
  user: { type: 'string', operations: ALL, label: 'User' },
  image: { type: 'file', operations: ['edit', 'variation'], label: 'Image' },
  mask: { type: 'file', operations: ['edit'], label: 'Mask' },
} as const satisfies Record<ParamName | 'image' | 'mask', ParamSpec>;

export type FieldName = keyof typeof PARAMS;

/** The fields an operation takes, for unknown-field checks and for what a request sends. */
export function fieldsOf(operation: Operation): FieldName[] {
  return (Object.keys(PARAMS) as FieldName[]).filter((name) =>
    (PARAMS[name].operations as readonly Operation[]).includes(operation),
  );
}

export function isField(name: string): name is FieldName {
  return Object.hasOwn(PARAMS, name);
}

/** The form's name for a field ("Number of images"); the field's own name otherwise. */
export function settingLabel(name: string): string {
  if (name === 'image[]') return PARAMS.image.label;
  return isField(name) ? PARAMS[name].label : name;
}
