/** POST /v1/images/generations: a procedural picture per requested image. */
import { lineupOf } from '../context.ts';
import { badRequest } from '../http/errors.ts';
import { addGrain } from '../images/render/grain.ts';
import { renderPicture } from '../images/render/render.ts';
import { lookFor } from '../images/render/palette.ts';
import { parseParams } from '../request/params.ts';
import { resolveSize } from '../request/resolve.ts';
import type { OperationHandler } from './operation.ts';
import { respond } from './respond.ts';

export const generate: OperationHandler = async (ctx, ex, body) => {
  const file = body.files[0];
  if (file)
    throw badRequest(`Unknown parameter: '${file.field}'.`, file.field, 'unknown_parameter');
  const { model, modelAsSent, params } = parseParams(
    'generate',
    body.fields,
    body.encoding,
    lineupOf(ctx, ex),
  );
  const rules = model.operations.generate!;
  const size = resolveSize(rules, params.size);
  const prompt = params.prompt!;
  const transparent = params.background === 'transparent';
  return respond(ctx, ex, {
    operation: 'generate',
    model,
    params,
    size,
    count: params.n ?? 1,
    picture: (index) => {
      const { pixels } = renderPicture({ prompt, model: modelAsSent, ...size, index, transparent });
      if (ctx.options.grain > 0) addGrain(pixels, ctx.options.grain, prompt, modelAsSent, index);
      return pixels;
    },
    ...(model.id === 'dall-e-3' ? { revisedPrompt: revisePrompt(prompt) } : {}),
  });
};

/** dall-e-3 returns the prompt it "used"; ours says honestly what the engine drew. */
function revisePrompt(prompt: string): string {
  const look = lookFor(prompt);
  return `${prompt.trim()} — drawn by Easel's local procedural engine as a ${look.scene} scene in ${look.name} tones (not an AI model).`;
}
