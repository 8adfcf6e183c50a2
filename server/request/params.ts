/**
 * Turns a received body into typed ImageParams, the way the real API reads it:
 * - `null` means "not set" (the spec marks many fields nullable; SDKs may send null);
 * - fields the operation's schema does not declare are refused, naming the field;
 * - multipart scalars arrive as strings and are converted (n, output_compression,
 *   partial_images → integers; stream → boolean); JSON values must already have their type;
 * - the model defaults per operation and must be served (404 model_not_found otherwise,
 *   model-lineup.ts).
 * Field names and wire types come from src/api/params.ts and the rules from checkParams
 * (src/api/params-check.ts), both shared with the studio.
 */
import { modelStatus } from '../../src/api/model-lifecycle.ts';
import { rulesFor, type ResolvedModel } from '../../src/api/model-lookup.ts';
import type { Operation } from '../../src/api/model-types.ts';
import { API_DEFAULT_MODEL } from '../../src/api/models.ts';
import { checkParams, type UncheckedParams } from '../../src/api/params-check.ts';
import { fieldsOf, isField, PARAMS, type ImageParams } from '../../src/api/params.ts';
import { badRequest, missingParam } from '../http/errors.ts';
import { servedModel, type Lineup } from './model-lineup.ts';

export type Encoding = 'json' | 'multipart';

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
  model: ResolvedModel;
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
  const type = isField(param) ? PARAMS[param].type : 'string';
  if (type === 'integer') {
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
  if (type === 'boolean') {
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
  lineup: Lineup,
): ParsedRequest {
  const allowed: readonly string[] = fieldsOf(operation);
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (!allowed.includes(name)) {
      throw badRequest(`Unknown parameter: '${name}'.`, name, 'unknown_parameter');
    }
    if (isField(name) && PARAMS[name].type === 'file') {
      throw badRequest(
        `'${name}' must be sent as a file (multipart/form-data), not as text.`,
        name,
        'invalid_type',
      );
    }
    values[name] = coerce(name, value, encoding);
  }

  const modelAsSent = values.model as string | undefined;
  const model = servedModel(lineup, modelAsSent ?? defaultModel(operation, values, lineup));
  const unchecked: UncheckedParams = { ...values, model: model.id };
  const issues = checkParams(operation, unchecked);
  const modelIssue = issues.find((issue) => issue.param === 'model');
  if (modelIssue) throw badRequest(modelIssue.message, 'model', 'invalid_value');
  if (model.operations[operation]?.promptMax !== null && unchecked.prompt === undefined) {
    throw missingParam('prompt');
  }
  const first = issues[0];
  if (first) throw badRequest(first.message, first.param, 'invalid_value');
  // checkParams found nothing: every value has its parameter's type and an allowed value.
  const params = unchecked as ImageParams;
  return { model, modelAsSent: modelAsSent ?? model.id, params };
}

/**
 * The spec's default model; acting as a provider that has retired it, that provider's
 * successor (a request naming no model should not fail for a default nobody chose).
 */
function defaultModel(operation: Operation, values: Record<string, unknown>, lineup: Lineup) {
  const spec =
    operation === 'generate' && GPT_ONLY.some((name) => values[name] !== undefined)
      ? 'gpt-image-1'
      : API_DEFAULT_MODEL[operation];
  if (!lineup.like) return spec;
  const status = modelStatus(spec, lineup.like, lineup.now);
  const next = status.state === 'retired' ? status.successor : null;
  return next && rulesFor(next, operation) ? next : spec;
}
