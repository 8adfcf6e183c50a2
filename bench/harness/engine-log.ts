/**
 * The engine's request log (its test hooks, on in `startStudio`): what a generation's
 * request held and how long the engine itself took to answer it.
 */
import type { Page } from '@playwright/test';

export interface LoggedRequest {
  operation: string;
  status: number | null;
  durationMs: number | null;
  fields: Record<string, unknown>;
}

/** Empties the log, so that the next generation is the only one in it. */
export async function clearEngineLog(page: Page, url: string): Promise<void> {
  const cleared = await page.request.delete(`${url}/__engine/requests`);
  if (!cleared.ok()) throw new Error(`Clearing the request log: HTTP ${cleared.status()}`);
}

/** The one generation logged since the log was cleared; throws unless it was answered. */
export async function loggedGeneration(page: Page, url: string): Promise<LoggedRequest> {
  const requests = (await (
    await page.request.get(`${url}/__engine/requests`)
  ).json()) as LoggedRequest[];
  const generation = requests.filter((r) => r.operation === 'generate');
  if (generation.length !== 1 || generation[0]!.status !== 200)
    throw new Error(`Expected one answered generation, got ${JSON.stringify(generation)}`);
  return generation[0]!;
}
