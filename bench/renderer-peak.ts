/**
 * A page in a fresh renderer, and that renderer's peak resident memory once `work` is done
 * with it (its pid from CDP `SystemInfo.getProcessInfo`). The peak is the larger of VmRSS
 * sampled every 100 ms and VmHWM at the end: Chromium resets its processes' VmHWM now and then
 * (its own memory metrics), so VmHWM alone missed the peak of a long import: two runs of the
 * same 50,000-entry import read 962 and 3,511 MB, where VmRSS, sampled, passed 3.9 GB.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** A process's VmRSS or VmHWM in MB, or NaN when it cannot be read. */
function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
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
    let peak = 0;
    const sample = () => {
      for (const pid of ours) peak = Math.max(peak, rssMb(pid, 'VmRSS') || 0);
    };
    const sampler = setInterval(sample, 100);
    let result: T;
    try {
      result = await work(page);
    } finally {
      clearInterval(sampler);
    }
    sample();
    for (const pid of ours) peak = Math.max(peak, rssMb(pid, 'VmHWM') || 0);
    return { result, rendererPeakMb: peak || NaN };
  } finally {
    await browserCdp.detach();
  }
}
