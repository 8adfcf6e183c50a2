/**
 * What to offer from the ids a compatible server lists on Test connection. An aggregating
 * proxy (LiteLLM, OpenRouter, a self-hosted gateway) lists every model it routes, chat,
 * speech and embeddings included, and some list an id twice or with stray spaces: offered as
 * they came, "Add them as models" filled the image model picker with chat models (the first
 * of them then chosen) and showed an id twice. Ids are trimmed and offered once; ids of
 * well-known text, audio and embedding families are set apart, unless they name an image
 * model. The designer can still add any of them by hand.
 */
import { MODELS } from '../../../api/models.ts';

const IMAGE_NAMES = MODELS.flatMap((m) => [m.id, ...m.aliases]);

/** Families that make no images (OpenAI's own list holds all of these beside its image models). */
const NOT_IMAGES =
  /embed|whisper|tts|transcribe|moderation|davinci|babbage|audio|realtime|rerank|^(gpt-3|gpt-4|gpt-5|o\d|text-|claude|llama|mistral|qwen|deepseek|gemini)/i;

export interface ListedModels {
  /** Ids to offer as image models, in the server's order. */
  images: string[];
  /** Ids set apart as text, audio or embedding models. */
  others: string[];
}

export function sortListedModels(listed: readonly string[]): ListedModels {
  const ids = [...new Set(listed.map((id) => id.trim()).filter(Boolean))];
  const makesImages = (id: string) => {
    const lower = id.toLowerCase();
    return (
      lower.includes('image') ||
      IMAGE_NAMES.some((name) => lower.includes(name)) ||
      !NOT_IMAGES.test(lower)
    );
  };
  return { images: ids.filter(makesImages), others: ids.filter((id) => !makesImages(id)) };
}
