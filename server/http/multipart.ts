/**
 * multipart/form-data via busboy, limits enforced while streaming: the total body (413), each
 * file (the part is cut at `maxFileBytes` and reported as over the limit, not buffered), the
 * number of parts. All scalar fields arrive as strings (the SDK sends n, stream... as text).
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ApiError, badRequest } from './errors.ts';
import { streamBody, type BodyLimits } from './body.ts';

export interface UploadedFile {
  /** The form field name as sent: `image`, `image[]` or `mask`. */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** True when the part was larger than `maxFileBytes` (its bytes are cut there). */
  overLimit: boolean;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

export interface MultipartLimits extends BodyLimits {
  maxFileBytes: number;
  maxFiles: number;
}

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data/i.test(contentType ?? '');
}

export async function readMultipart(
  req: IncomingMessage,
  limits: MultipartLimits,
): Promise<MultipartBody> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fields: 64,
        parts: limits.maxFiles + 64,
        fieldSize: 512 * 1024,
      },
    });
  } catch {
    throw badRequest(
      'The multipart body has no boundary: send multipart/form-data with a boundary parameter.',
      null,
      'invalid_multipart',
    );
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const chunksOf = new Map<UploadedFile, Buffer[]>();
  let parserFailed = false;
  let failure: ApiError | null = null;
  const fail = (error: ApiError) => {
    failure ??= error;
  };

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) fail(badRequest(`The field '${name}' is too long.`, name));
    else if (name in fields) fail(badRequest(`The field '${name}' was sent more than once.`, name));
    else fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    const chunks: Buffer[] = [];
    const file: UploadedFile = {
      field: name,
      filename: info.filename ?? '',
      contentType: info.mimeType,
      bytes: Buffer.alloc(0),
      overLimit: false,
    };
    files.push(file);
    chunksOf.set(file, chunks);
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('limit', () => {
      file.overLimit = true;
    });
    // A form cut off mid-file errors this stream too; the parser's own error reports it.
    stream.on('error', () => {
      parserFailed = true;
    });
  });
  parser.on('filesLimit', () =>
    fail(
      badRequest(
        `Too many files: at most ${limits.maxFiles} can be sent.`,
        'image',
        'too_many_images',
      ),
    ),
  );
  parser.on('partsLimit', () =>
    fail(badRequest('Too many form parts.', null, 'invalid_multipart')),
  );
  parser.on('fieldsLimit', () =>
    fail(badRequest('Too many form fields.', null, 'invalid_multipart')),
  );

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', (error: Error) => {
      parserFailed = true;
      reject(
        badRequest(
          `The multipart body could not be read (${error.message}). It may have been cut off; send it again.`,
          null,
          'invalid_multipart',
        ),
      );
    });
  });
  // Errors from either side settle the whole read; a late rejection must not go unhandled.
  parsed.catch(() => undefined);
  try {
    await streamBody(req, limits, (chunk) => {
      if (!parserFailed) parser.write(chunk);
    });
    parser.end();
    await parsed;
  } catch (error) {
    parser.destroy();
    throw error;
  }
  if (failure) throw failure;
  for (const [file, chunks] of chunksOf) file.bytes = Buffer.concat(chunks);
  return { fields, files };
}
