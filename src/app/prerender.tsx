/**
 * The studio's first screen as HTML, rendered in Node at build time (build/prerender.ts puts
 * it into index.html) so the browser paints the Generate view before any script has run;
 * src/main.tsx then hydrates it. It renders exactly what the first client render shows: the
 * stores' initial state, never what this browser stored (that appears once hydrated), so
 * the two never differ.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from './app.tsx';
import { whenIslandsLoaded } from '../lib/ui/island.tsx';

export async function renderFirstScreen(): Promise<string> {
  // Nothing may suspend while rendering: a boundary finished later is completed by an inline
  // script, which the page's policy refuses (build/prerender.ts checks there is none).
  await whenIslandsLoaded();
  const { prelude } = await prerender(
    <StrictMode>
      <App />
    </StrictMode>,
    // One piece: React would otherwise move boundaries past its chunk size out of line, to be
    // put in place by an inline script.
    { progressiveChunkSize: Infinity },
  );
  return new Response(prelude).text();
}
