/**
 * OpenAI-format errors: every failure the engine reports is an ApiError, sent as
 * `{"error":{"message","type","param","code"}}` (all four keys, as the spec's ErrorResponse
 * requires) with the HTTP status a real client expects.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody() {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    };
  }
}

export const badRequest = (
  message: string,
  param: string | null = null,
  code: string | null = null,
) => new ApiError(400, message, 'invalid_request_error', param, code);

export const missingParam = (param: string) =>
  badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');

export const notFound = (message: string, code: string | null = null) =>
  new ApiError(404, message, 'invalid_request_error', null, code);

export const invalidUrl = (method: string, path: string) =>
  notFound(`Invalid URL (${method} ${path})`);

export const methodNotAllowed = (method: string, path: string, allow: string) =>
  new ApiError(
    405,
    `Method ${method} is not allowed on ${path}; use ${allow}.`,
    'invalid_request_error',
    null,
    'method_not_allowed',
    { allow },
  );

export const unsupportedMediaType = (message: string) =>
  new ApiError(415, message, 'invalid_request_error', null, 'unsupported_media_type');

export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(
    413,
    `The request body is larger than this engine accepts (${Math.round(limitBytes / 1024 / 1024)} MB).`,
    'invalid_request_error',
    null,
    'request_too_large',
  );
