import { getModel } from '../../../api/model-lookup.ts';
import type { ImageParams } from '../../../api/params.ts';

/** The settings of a job as short phrases: "GPT Image 1.5", "1536 × 1024", "high quality"… */
export function describeSettings(params: ImageParams, servedModel?: string): string[] {
  const p = params as Record<string, string | number | boolean | undefined>;
  const parts: string[] = [];
  const model = typeof p.model === 'string' ? p.model : '';
  const info = getModel(model);
  const label = info.label;
  parts.push(servedModel && servedModel !== model ? `${servedModel} (${label})` : label);
  if (typeof p.size === 'string')
    parts.push(p.size === 'auto' ? 'auto size' : p.size.replace('x', ' × '));
  // A quality the model has no other of (DALL·E 2's "standard") says nothing.
  const qualities = new Set(Object.values(info.operations).flatMap((o) => o?.qualities ?? []));
  if (p.quality !== undefined && qualities.size !== 1) parts.push(`${p.quality} quality`);
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
