/**
 * GET /v1/models and GET /v1/models/{id}: the models this request's line-up serves, each with
 * `created`, `owned_by` and Easel's `lifecycle` extension (status on OpenAI's published
 * lifecycle, its dates and successor). Acting as OpenAI, shut-down models are not listed and
 * retrieving one is OpenAI's 404 model_not_found.
 */
import { lineupOf, type EngineContext, type Exchange } from '../context.ts';
import { sendJson } from '../http/send.ts';
import { listedIds, modelNotFound, modelObject, isServed } from '../request/model-lineup.ts';

export const MODELS_PATH = '/v1/models';

export function serveModels(ctx: EngineContext, ex: Exchange): void {
  const lineup = lineupOf(ctx, ex);
  if (ex.path === MODELS_PATH) {
    const data = listedIds(lineup).map((id) => modelObject(lineup, id));
    sendJson(ex.res, 200, { object: 'list', data });
    return;
  }
  // The path is already normalised (one spelling per route); ids never contain a slash.
  const id = decodeURIComponent(ex.path.slice(MODELS_PATH.length + 1));
  if (!id || id.includes('/') || !isServed(lineup, id)) throw modelNotFound(id);
  sendJson(ex.res, 200, modelObject(lineup, id));
}
