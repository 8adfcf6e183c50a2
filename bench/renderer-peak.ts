/**
 * A page in a fresh renderer, and that renderer's peak resident memory (VmHWM from /proc, its
 * pid from CDP `SystemInfo.getProcessInfo`) once `work` is done with it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Peak resident memory (VmHWM) of a process, in MB, or NaN when it cannot be read. */
function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Opens the studio's gallery (empty) in a new page of `context` and runs `work` on it. */
export async function inFreshGallery<T>(
  context: BrowserContext,
  url: string,
  work: (page: Page) => Promise<T>,
): Promise<{ result: T; rendererPeakMb: number }> {
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  const renderers = async () => {
    const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  };
  try {
    const earlier = new Set(await renderers());
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('tab', { name: 'Gallery' }).click();
    await page.getByText('Nothing here yet').waitFor();
    const ours = (await renderers()).filter((pid) => !earlier.has(pid));
    const result = await work(page);
    return { result, rendererPeakMb: Math.max(...ours.map(peakRssMb)) };
  } finally {
    await browserCdp.detach();
  }
}
