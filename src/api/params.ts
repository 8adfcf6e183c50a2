/**
 * Checks a request's parameters against the model table. Shared by the studio (to keep an
 * invalid request from being sent, and to say what to fix) and the local engine (to answer
 * exactly as the API would, naming the offending `param`).
 *
 * Parameters use the API's own names (snake_case) so nothing is renamed between the form,
 * the request and the engine. Values are already typed: the engine turns multipart strings
 * into numbers/booleans and rejects wrong types before calling checkParams.
 */
import {
  getModel,
  isSizeAllowed,
  parseSize,
  checkCustomSize,
  type ModelId,
  type Operation,
  type OperationRules,
} from './models.ts';

export interface ImageParams {
  model: ModelId;
  prompt?: string;
  n?: number;
  size?: string;
  quality?: string;
  style?: string;
  response_format?: string;
  output_format?: string;
  output_compression?: number;
  background?: string;
  moderation?: string;
  stream?: boolean;
  partial_images?: number;
  input_fidelity?: string;
  user?: string;
}

export type ParamName = keyof ImageParams;

/** Every body field each operation's schema declares (files included), for unknown-field checks. */
export const FIELDS_BY_OPERATION: Record<Operation, readonly string[]> = {
  generate: [
    'prompt',
    'model',
    'n',
    'quality',
    'response_format',
    'output_format',
    'output_compression',
    'stream',
    'partial_images',
    'size',
    'moderation',
    'background',
    'style',
    'user',
  ],
  edit: [
    'image',
    'prompt',
    'mask',
    'background',
    'model',
    'n',
    'size',
    'response_format',
    'output_format',
    'output_compression',
    'user',
    'input_fidelity',
    'stream',
    'partial_images',
    'quality',
  ],
  variation: ['image', 'model', 'n', 'response_format', 'size', 'user'],
};

export interface ParamIssue {
  param: ParamName;
  message: string;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** All the problems with these parameters for this operation; empty when the request is valid. */
export function checkParams(operation: Operation, params: ImageParams): ParamIssue[] {
  const model = getModel(params.model);
  const rules = model.operations[operation];
  if (!rules) {
    return [
      { param: 'model', message: `${model.id} does not support ${operationNoun[operation]}.` },
    ];
  }
  return [
    checkPrompt(rules, params),
    checkN(rules, params),
    checkSize(rules, params),
    checkEnum('quality', params.quality, withAuto(rules.qualities), params.model),
    checkEnum('style', params.style, rules.styles, params.model),
    checkResponseFormat(rules, params),
    checkEnum('output_format', params.output_format, rules.outputFormats, params.model),
    checkCompression(rules, params),
    checkBackground(rules, params),
    checkEnum('moderation', params.moderation, rules.moderation, params.model),
    checkStreaming(rules, params),
    checkEnum('input_fidelity', params.input_fidelity, rules.inputFidelity, params.model),
  ].filter((issue): issue is ParamIssue => issue !== null);
}

const operationNoun: Record<Operation, string> = {
  generate: 'image generation',
  edit: 'image edits',
  variation: 'image variations',
};

// The spec makes `auto` the default quality for every model ("automatically select the best
// quality for the given model"), so it is always accepted even where the form never offers it.
function withAuto(qualities: readonly string[]): readonly string[] {
  return qualities.includes('auto') ? qualities : [...qualities, 'auto'];
}

function checkPrompt(rules: OperationRules, { prompt }: ImageParams): ParamIssue | null {
  if (rules.promptMax === null) return null;
  if (prompt === undefined || prompt.length === 0) {
    return { param: 'prompt', message: 'A prompt is required.' };
  }
  if (prompt.length > rules.promptMax) {
    return {
      param: 'prompt',
      message: `The prompt is ${prompt.length} characters; the maximum for this model is ${rules.promptMax}.`,
    };
  }
  return null;
}

function checkN(rules: OperationRules, { n, model }: ImageParams): ParamIssue | null {
  if (n === undefined) return null;
  if (!Number.isInteger(n) || n < 1 || n > rules.nMax) {
    const message =
      rules.nMax === 1
        ? `${model} only supports n=1.`
        : `n must be an integer between 1 and ${rules.nMax}.`;
    return { param: 'n', message };
  }
  return null;
}

function checkSize(rules: OperationRules, { size, model }: ImageParams): ParamIssue | null {
  if (size === undefined || isSizeAllowed(rules, size)) return null;
  const dims = parseSize(size);
  if (rules.customSize && dims) {
    const why = checkCustomSize(dims, rules.customSize);
    return { param: 'size', message: `Invalid size '${size}' for ${model}: ${why}` };
  }
  const free = rules.customSize ? ', or WIDTHxHEIGHT' : '';
  return {
    param: 'size',
    message: `Invalid size '${size}' for ${model}. Supported sizes: ${list(rules.sizes)}${free}.`,
  };
}

function checkEnum(
  param: ParamName,
  value: string | undefined,
  allowed: readonly string[] | undefined,
  model: ModelId,
): ParamIssue | null {
  if (value === undefined) return null;
  if (!allowed) return { param, message: `${param} is not supported for ${model}.` };
  if (!allowed.includes(value)) {
    return { param, message: `Invalid ${param} '${value}'. Supported values: ${list(allowed)}.` };
  }
  return null;
}

function checkResponseFormat(rules: OperationRules, params: ImageParams): ParamIssue | null {
  if (params.response_format !== undefined && !rules.responseFormats) {
    return {
      param: 'response_format',
      message: `response_format is not supported for ${params.model}; GPT image models always return b64_json.`,
    };
  }
  return checkEnum('response_format', params.response_format, rules.responseFormats, params.model);
}

function checkCompression(rules: OperationRules, params: ImageParams): ParamIssue | null {
  const { output_compression: compression, output_format: format } = params;
  if (compression === undefined) return null;
  if (!rules.outputFormats) {
    return {
      param: 'output_compression',
      message: `output_compression is not supported for ${params.model}.`,
    };
  }
  if (!Number.isInteger(compression) || compression < 0 || compression > 100) {
    return {
      param: 'output_compression',
      message: 'output_compression must be an integer from 0 to 100.',
    };
  }
  if ((format === undefined || format === 'png') && compression !== 100) {
    return {
      param: 'output_compression',
      message: 'output_compression is only supported with the jpeg and webp output formats.',
    };
  }
  return null;
}

function checkBackground(rules: OperationRules, params: ImageParams): ParamIssue | null {
  const issue = checkEnum('background', params.background, rules.backgrounds, params.model);
  if (issue) return issue;
  if (params.background === 'transparent' && params.output_format === 'jpeg') {
    return {
      param: 'background',
      message:
        'A transparent background needs the png or webp output format; jpeg has no transparency.',
    };
  }
  return null;
}

function checkStreaming(rules: OperationRules, params: ImageParams): ParamIssue | null {
  const max = rules.partialImagesMax;
  if (params.stream === true && max === undefined) {
    return { param: 'stream', message: `Streaming is not supported for ${params.model}.` };
  }
  if (params.partial_images === undefined) return null;
  if (max === undefined) {
    return {
      param: 'partial_images',
      message: `partial_images is not supported for ${params.model}.`,
    };
  }
  const p = params.partial_images;
  if (!Number.isInteger(p) || p < 0 || p > max) {
    return {
      param: 'partial_images',
      message: `partial_images must be an integer from 0 to ${max}.`,
    };
  }
  return null;
}
