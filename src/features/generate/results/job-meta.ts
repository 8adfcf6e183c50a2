import { getModel } from '../../../api/models.ts';
import type { ImageParams } from '../../../api/params.ts';
import type { RequestParams } from '../../../api/image-result.ts';

/** The settings of a job as short phrases: "GPT Image 1.5", "1536 × 1024", "high quality"… */
export function describeSettings(
  params: ImageParams | RequestParams,
  servedModel?: string,
): string[] {
  const p = params as Record<string, string | number | boolean | undefined>;
  const parts: string[] = [];
  const model = typeof p.model === 'string' ? p.model : '';
  let label = model;
  try {
    label = getModel(model as ImageParams['model']).label;
  } catch {
    // A model the table does not know (an old entry): show its id as is.
  }
  parts.push(servedModel && servedModel !== model ? `${servedModel} (${label})` : label);
  if (typeof p.size === 'string')
    parts.push(p.size === 'auto' ? 'auto size' : p.size.replace('x', ' × '));
  if (p.quality !== undefined) parts.push(`${p.quality} quality`);
  if (p.style !== undefined) parts.push(String(p.style));
  if (p.background !== undefined && p.background !== 'auto')
    parts.push(`${p.background} background`);
  if (p.output_format !== undefined) {
    parts.push(
      p.output_compression !== undefined
        ? `${String(p.output_format).toUpperCase()} ${p.output_compression}%`
        : String(p.output_format).toUpperCase(),
    );
  }
  if (p.moderation === 'low') parts.push('low moderation');
  if (p.input_fidelity !== undefined) parts.push(`${p.input_fidelity} fidelity`);
  if (p.response_format === 'url') parts.push('as links');
  if (p.stream === true || p.stream === 'true') parts.push('streamed');
  return parts;
}
