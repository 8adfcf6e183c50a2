/**
 * Checks a request's parameters against the model table: the one validation of a request,
 * shared by the studio (before anything is sent, and to say what to fix) and the local engine
 * (to answer exactly as the API would, naming the offending `param`). Every rule is read
 * from the table — sizes, qualities, which formats can be transparent or compressed.
 */
import { checkCustomSize, isSizeAllowed, parseSize } from './image-size.ts';
import { getModel } from './model-lookup.ts';
import type { Operation, OperationRules } from './model-types.ts';
import type { ParamName } from './params.ts';

/** Parameters before checking: any value of the right wire type (the engine's parsed body). */
export type UncheckedParams = { model: string } & {
  [K in Exclude<ParamName, 'model'>]?: string | number | boolean;
};

export interface ParamIssue {
  param: ParamName;
  message: string;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** All the problems with these parameters for this operation; empty when the request is valid. */
export function checkParams(operation: Operation, params: UncheckedParams): ParamIssue[] {
  const rules = getModel(params.model).operations[operation];
  if (!rules) {
    return [
      { param: 'model', message: `${params.model} does not support ${operationNoun[operation]}.` },
    ];
  }
  const model = params.model;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return [
    checkPrompt(rules, params),
    checkN(rules, params),
    checkSize(rules, params),
    checkEnum('quality', text(params.quality), withAuto(rules.qualities), model),
    checkEnum('style', text(params.style), rules.styles, model),
    checkResponseFormat(rules, params),
    checkEnum('output_format', text(params.output_format), rules.outputFormats, model),
    checkCompression(rules, params),
    checkBackground(rules, params),
    checkEnum('moderation', text(params.moderation), rules.moderation, model),
    checkStreaming(rules, params),
    checkEnum('input_fidelity', text(params.input_fidelity), rules.inputFidelity, model),
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

function checkPrompt(rules: OperationRules, { prompt }: UncheckedParams): ParamIssue | null {
  if (rules.promptMax === null) return null;
  if (typeof prompt !== 'string' || prompt.length === 0) {
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

function checkN(rules: OperationRules, { n, model }: UncheckedParams): ParamIssue | null {
  if (n === undefined) return null;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > rules.nMax) {
    const message =
      rules.nMax === 1
        ? `${model} only supports n=1.`
        : `n must be an integer between 1 and ${rules.nMax}.`;
    return { param: 'n', message };
  }
  return null;
}

function checkSize(rules: OperationRules, { size, model }: UncheckedParams): ParamIssue | null {
  if (size === undefined || (typeof size === 'string' && isSizeAllowed(rules, size))) return null;
  const dims = typeof size === 'string' ? parseSize(size) : null;
  if (rules.customSize && dims) {
    const why = checkCustomSize(dims, rules.customSize);
    return { param: 'size', message: `Invalid size '${String(size)}' for ${model}: ${why}` };
  }
  const free = rules.customSize ? ', or WIDTHxHEIGHT' : '';
  return {
    param: 'size',
    message: `Invalid size '${String(size)}' for ${model}. Supported sizes: ${list(rules.sizes)}${free}.`,
  };
}

/** Values some other model takes: said the way OpenAI says it ("does not support quality 'xhigh'"). */
const KNOWN_ELSEWHERE: Partial<Record<ParamName, readonly string[]>> = {
  quality: ['standard', 'hd', 'low', 'medium', 'high', 'xhigh', 'max'],
};

function checkEnum(
  param: ParamName,
  value: string | undefined,
  allowed: readonly string[] | undefined,
  model: string,
): ParamIssue | null {
  if (value === undefined) return null;
  if (!allowed) return { param, message: `${param} is not supported for ${model}.` };
  if (allowed.includes(value)) return null;
  const supported = `Supported values: ${list(allowed)}.`;
  if (KNOWN_ELSEWHERE[param]?.includes(value)) {
    return {
      param,
      message: `The model '${model}' does not support ${param} '${value}'. ${supported}`,
    };
  }
  return { param, message: `Invalid ${param} '${value}'. ${supported}` };
}

function checkResponseFormat(rules: OperationRules, params: UncheckedParams): ParamIssue | null {
  const value = params.response_format;
  if (value !== undefined && !rules.responseFormats) {
    return {
      param: 'response_format',
      message: `response_format is not supported for ${params.model}; GPT image models always return b64_json.`,
    };
  }
  return checkEnum('response_format', value as string, rules.responseFormats, params.model);
}

function checkCompression(rules: OperationRules, params: UncheckedParams): ParamIssue | null {
  const { output_compression: compression, output_format: format } = params;
  if (compression === undefined) return null;
  if (!rules.outputFormats) {
    return {
      param: 'output_compression',
      message: `output_compression is not supported for ${params.model}.`,
    };
  }
  if (typeof compression !== 'number' || !Number.isInteger(compression)) {
    return { param: 'output_compression', message: OUT_OF_RANGE };
  }
  if (compression < 0 || compression > 100) {
    return { param: 'output_compression', message: OUT_OF_RANGE };
  }
  const compressible = rules.compressibleFormats ?? [];
  if (!compressible.includes((format ?? 'png') as never) && compression !== 100) {
    return {
      param: 'output_compression',
      message: `output_compression is only supported with the ${compressible.join(' and ')} output formats.`,
    };
  }
  return null;
}

const OUT_OF_RANGE = 'output_compression must be an integer from 0 to 100.';

function checkBackground(rules: OperationRules, params: UncheckedParams): ParamIssue | null {
  const background = params.background as string | undefined;
  const issue = checkEnum('background', background, rules.backgrounds, params.model);
  if (issue) return issue;
  const format = (params.output_format ?? 'png') as never;
  const carriers = rules.transparentFormats ?? [];
  if (background === 'transparent' && !carriers.includes(format)) {
    return {
      param: 'background',
      message: `A transparent background needs the ${carriers.join(' or ')} output format; ${String(format)} has no transparency.`,
    };
  }
  return null;
}

function checkStreaming(rules: OperationRules, params: UncheckedParams): ParamIssue | null {
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
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > max) {
    return {
      param: 'partial_images',
      message: `partial_images must be an integer from 0 to ${max}.`,
    };
  }
  return null;
}
