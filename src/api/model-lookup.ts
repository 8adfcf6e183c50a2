/**
 * From any model id to the rules that apply to it. Ids in the table (and their aliases) get
 * their own entry; a dated snapshot Easel has not seen (`gpt-image-2.5-flare-2027-01-15`) gets
 * its model's entry; any other id gets its family's rules — gpt-image-* (and ids of no known
 * family) the newest GPT image model's, dall-e-* DALL·E 3's — marked `assumed`, so the
 * studio says "rules assumed" and lets the provider judge. A model OpenAI ships tomorrow is
 * usable the day it ships.
 */
import { findModel, MODELS } from './models.ts';
import type { ImageModel, ModelId, Operation, OperationRules } from './model-types.ts';

export interface ResolvedModel extends ImageModel {
  /** The table entry whose rules apply (the entry's own id for a known model). */
  rulesFrom: ModelId;
  /** Easel guessed the rules from the id's family or base model: the provider is the judge. */
  assumed: boolean;
}

const SNAPSHOT = /^(.+)-(\d{4}-\d{2}-\d{2})$/;
const byRelease = (a: ImageModel, b: ImageModel) => b.released.localeCompare(a.released);

/** The newest model of a family in the table (ties: the earlier table entry). */
export function newestOfFamily(family: ImageModel['family']): ImageModel {
  const members = MODELS.filter((m) => m.family === family);
  return [...members].sort(byRelease)[0]!;
}

function familyTemplate(id: string): ImageModel {
  if (id.startsWith('dall-e-')) return findModel('dall-e-3')!;
  return newestOfFamily('gpt-image');
}

const cache = new Map<string, ResolvedModel>();

export function getModel(id: ModelId): ResolvedModel {
  const cached = cache.get(id);
  if (cached) return cached;
  const resolved = resolveUncached(id.trim());
  cache.set(id, resolved);
  return resolved;
}

function resolveUncached(id: string): ResolvedModel {
  const known = findModel(id);
  if (known) return { ...known, rulesFrom: known.id, assumed: false };
  const snapshot = SNAPSHOT.exec(id);
  const base = snapshot ? findModel(snapshot[1]!) : undefined;
  if (snapshot && base) {
    return {
      ...base,
      id,
      label: `${base.label} (${snapshot[2]})`,
      aliases: [],
      rulesFrom: base.id,
      assumed: true,
    };
  }
  const template = familyTemplate(id);
  return {
    ...template,
    id,
    label: id,
    blurb: `Not in Easel's table yet: ${template.label}'s rules assumed.`,
    aliases: [],
    lifecycle: {},
    rulesFrom: template.id,
    assumed: true,
  };
}

export function rulesFor(model: ModelId, operation: Operation): OperationRules | undefined {
  return getModel(model).operations[operation];
}

/** The table's models that can do this operation, in table order (newest first). */
export function modelsFor(operation: Operation): ImageModel[] {
  return MODELS.filter((m) => m.operations[operation] !== undefined);
}

export function isGptImage(model: ModelId): boolean {
  return getModel(model).family === 'gpt-image';
}
