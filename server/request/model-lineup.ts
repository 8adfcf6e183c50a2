/**
 * Which models the engine serves to a request, and how it lists them (GET /v1/models).
 *
 * Offline (the default) it serves every model in the table — retired ones too, for work that
 * needs them — plus any id of a known family (`gpt-image-*`, `dall-e-*`) with that family's
 * rules, so a model that ships tomorrow can be rehearsed today. Acting as OpenAI
 * (`--like openai`, or the `x-easel-like: openai` header) it serves what OpenAI serves on the
 * engine's clock: a model past its shutdown date gets OpenAI's 404 `model_not_found`, ids it
 * does not know too, unless named with `--extra-model` (a launch rehearsal).
 */
import { modelStatus, type ModelStatus } from '../../src/api/model-lifecycle.ts';
import { getModel, type ResolvedModel } from '../../src/api/model-lookup.ts';
import type { ModelId } from '../../src/api/model-types.ts';
import { MODELS } from '../../src/api/models.ts';
import type { EngineLike } from '../../src/api/provider.ts';
import { ApiError } from '../http/errors.ts';

export interface Lineup {
  like: EngineLike | null;
  /** Ids served beyond the table (--extra-model), with their family's rules. */
  extraModels: readonly string[];
  /** The engine's clock (ms). */
  now: number;
}

const FAMILY_ID = /^(gpt-image-|dall-e-)/;

/** OpenAI's answer to a model it does not serve (any more). */
export function modelNotFound(id: string): ApiError {
  return new ApiError(
    404,
    `The model '${id}' does not exist or you do not have access to it.`,
    'invalid_request_error',
    null,
    'model_not_found',
  );
}

/** Whether this lineup serves the id today. */
export function isServed(lineup: Lineup, id: ModelId): boolean {
  const { assumed } = getModel(id);
  const extra = lineup.extraModels.includes(id);
  if (lineup.like) {
    return (!assumed || extra) && modelStatus(id, lineup.like, lineup.now).state !== 'retired';
  }
  return !assumed || extra || FAMILY_ID.test(id);
}

/** The model a request named, if this lineup serves it; else the 404 OpenAI gives. */
export function servedModel(lineup: Lineup, id: ModelId): ResolvedModel {
  if (!isServed(lineup, id)) throw modelNotFound(id);
  return getModel(id);
}

/** GET /v1/models/{id}'s object: the API's fields plus Easel's `lifecycle` extension. */
export interface ModelObject {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  lifecycle: ModelStatus & {
    /** The lifecycle the status is computed on: OpenAI's (what the engine imitates). */
    provider: 'openai';
    deprecated_at?: string;
    shutdown_at?: string;
    rules_assumed?: true;
  };
}

export function modelObject(lineup: Lineup, id: ModelId): ModelObject {
  const model = getModel(id);
  const life = model.lifecycle.openai;
  return {
    id,
    object: 'model',
    created: Math.floor(Date.parse(`${model.released}T00:00:00Z`) / 1000),
    owned_by: 'system',
    lifecycle: {
      ...modelStatus(id, 'openai', lineup.now),
      provider: 'openai',
      ...(life?.deprecated ? { deprecated_at: life.deprecated.date } : {}),
      ...(life?.shutdown ? { shutdown_at: life.shutdown.date } : {}),
      ...(model.assumed ? { rules_assumed: true as const } : {}),
    },
  };
}

/** Every id this lineup serves, aliases and snapshots included, in table order. */
export function listedIds(lineup: Lineup): string[] {
  const ids = [...MODELS.flatMap((m) => [m.id, ...m.aliases]), ...lineup.extraModels];
  // A shut-down model is left out, as OpenAI drops it from its list.
  return [...new Set(ids)].filter((id) => isServed(lineup, id));
}
