/**
 * Turns a received body into typed ImageParams, the way the real API reads it:
 * - `null` means "not set" (the spec marks many fields nullable; SDKs may send null);
 * - fields the operation's schema does not declare are refused, naming the field;
 * - multipart scalars arrive as strings and are converted (n, output_compression,
 *   partial_images → integers; stream → boolean); JSON values must already have their type;
 * - the model defaults per operation and must exist (404 model_not_found otherwise).
 * The rules themselves then come from checkParams (src/api/params.ts), shared with the studio.
 */
import {
  API_DEFAULT_MODEL,
  findModel,
  type ImageModel,
  type Operation,
} from '../../src/api/models.ts';
import { checkParams, FIELDS_BY_OPERATION, type ImageParams } from '../../src/api/params.ts';
import { ApiError, badRequest, missingParam } from '../http/errors.ts';

export type Encoding = 'json' | 'multipart';

const INTEGER_FIELDS = new Set(['n', 'output_compression', 'partial_images']);
const BOOLEAN_FIELDS = new Set(['stream']);
/** Fields that carry files in multipart bodies; they never arrive as text. */
const FILE_FIELDS = new Set(['image', 'mask']);
/** Parameters only the GPT image models take: their presence picks gpt-image-1 (spec). */
const GPT_ONLY = [
  'output_format',
  'output_compression',
  'background',
  'moderation',
  'stream',
  'partial_images',
];

export interface ParsedRequest {
  model: ImageModel;
  /** The model name as the client sent it (an alias stays an alias in the log). */
  modelAsSent: string;
  params: ImageParams;
}

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const invalidType = (param: string, expected: string, value: unknown) =>
  badRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${jsonTypeName(value)} instead.`,
    param,
    'invalid_type',
  );

function coerce(param: string, value: unknown, encoding: Encoding): string | number | boolean {
  if (INTEGER_FIELDS.has(param)) {
    if (encoding === 'multipart' && typeof value === 'string') {
      const text = value.trim();
      if (!/^[+-]?\d+$/.test(text)) {
        throw badRequest(
          `Invalid value for '${param}': expected an integer, got '${value}'.`,
          param,
          'invalid_type',
        );
      }
      return Number(text);
    }
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw invalidType(param, 'an integer', value);
    if (!Number.isInteger(value)) throw invalidType(param, 'an integer', value);
    return value;
  }
  if (BOOLEAN_FIELDS.has(param)) {
    if (encoding === 'multipart' && typeof value === 'string') {
      const text = value.trim().toLowerCase();
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw badRequest(
        `Invalid value for '${param}': expected true or false, got '${value}'.`,
        param,
        'invalid_type',
      );
    }
    if (typeof value !== 'boolean') throw invalidType(param, 'a boolean', value);
    return value;
  }
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

/**
 * Parses the text fields of a request (JSON values or multipart strings). File fields of a
 * multipart body are handled by the route; here a file field sent as text is an error.
 */
export function parseParams(
  operation: Operation,
  raw: Record<string, unknown>,
  encoding: Encoding,
): ParsedRequest {
  const allowed = FIELDS_BY_OPERATION[operation];
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (!allowed.includes(name)) {
      throw badRequest(`Unknown parameter: '${name}'.`, name, 'unknown_parameter');
    }
    if (FILE_FIELDS.has(name)) {
      throw badRequest(
        `'${name}' must be sent as a file (multipart/form-data), not as text.`,
        name,
        'invalid_type',
      );
    }
    values[name] = coerce(name, value, encoding);
  }

  const modelAsSent = values.model as string | undefined;
  const model =
    modelAsSent === undefined ? findModel(defaultModel(operation, values)) : findModel(modelAsSent);
  if (!model) {
    throw new ApiError(
      404,
      `The model '${modelAsSent}' does not exist or you do not have access to it.`,
      'invalid_request_error',
      'model',
      'model_not_found',
    );
  }
  const params = { ...values, model: model.id } as ImageParams;
  const issues = checkParams(operation, params);
  const modelIssue = issues.find((issue) => issue.param === 'model');
  if (modelIssue) throw badRequest(modelIssue.message, 'model', 'invalid_value');
  if (model.operations[operation]?.promptMax !== null && params.prompt === undefined) {
    throw missingParam('prompt');
  }
  const first = issues[0];
  if (first) throw badRequest(first.message, first.param, 'invalid_value');
  return { model, modelAsSent: modelAsSent ?? model.id, params };
}

function defaultModel(operation: Operation, values: Record<string, unknown>): string {
  if (operation === 'generate' && GPT_ONLY.some((name) => values[name] !== undefined)) {
    return 'gpt-image-1';
  }
  return API_DEFAULT_MODEL[operation];
}
