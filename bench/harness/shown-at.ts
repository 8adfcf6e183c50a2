/**
 * How long a view took to show something, timed in the page itself: from the event that
 * started it (a click, a file chosen) to the end of the first frame whose page holds a text
 * (and, if asked, an element: the editor's stage canvas, which can come after its caption).
 *
 * Why not `Date.now()` around Playwright's `waitFor`: it polls at growing intervals (0, 20, 50,
 * 100, 100, then every 500 ms), so what it timed was the poll that happened to see the text.
 * An 8000² open whose caption was in the page after 660-980 ms read 808-916 ms or 1336-1421 ms
 * (24 runs, session 19: bench/HISTORY.md), and the median of three fell on either side.
 */
import type { Page } from '@playwright/test';

export type StartedBy = 'click' | 'change';

/**
 * Arms the watch; call before the action. The text must not be in the page yet. A frame's
 * end is the first task after its animation frame callbacks: its style, layout and paint
 * come between them. With `selector`, the frame must also hold an element it matches.
 */
export async function watchShown(
  page: Page,
  text: string,
  startedBy: StartedBy,
  selector?: string,
): Promise<void> {
  await page.evaluate(
    ({ text, startedBy, selector }) => {
      if (document.body.textContent?.includes(text))
        throw new Error(`“${text}” is in the page before the action`);
      const w = window as unknown as { __shown: Promise<{ startedAt: number; shownAt: number }> };
      w.__shown = new Promise((resolve, reject) => {
        let startedAt: number | undefined;
        const started = (e: Event) => {
          startedAt ??= e.timeStamp;
        };
        document.addEventListener(startedBy, started, true);
        const observer = new MutationObserver(() => {
          if (!document.body.textContent?.includes(text)) return;
          if (selector && !document.querySelector(selector)) return;
          observer.disconnect();
          document.removeEventListener(startedBy, started, true);
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (startedAt === undefined)
                reject(new Error(`No ${startedBy} event came before “${text}”`));
              else resolve({ startedAt, shownAt: performance.now() });
            }),
          );
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    { text, startedBy, selector },
  );
}

/** Milliseconds from the starting event to the frame that showed the text (armed by watchShown). */
export async function shownAfter(page: Page, timeoutMs = 120_000): Promise<number> {
  return page.evaluate(async (timeoutMs) => {
    const w = window as unknown as { __shown: Promise<{ startedAt: number; shownAt: number }> };
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`Nothing shown within ${timeoutMs} ms`)), timeoutMs),
    );
    const { startedAt, shownAt } = await Promise.race([w.__shown, timeout]);
    return shownAt - startedAt;
  }, timeoutMs);
}
