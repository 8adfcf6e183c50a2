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

export async function renderFirstScreen(): Promise<string> {
  // Waits for every lazy part of the first screen, so the HTML holds all of it.
  const { prelude } = await prerender(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return new Response(prelude).text();
}
