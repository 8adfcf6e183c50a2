import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { App } from './app/app.tsx';
import './app/theme.css';
import './app/shell.css';
import './lib/ui/fields.css';
import './lib/ui/select.css';
import './lib/ui/segmented.css';
import './lib/ui/slider.css';
import './lib/ui/switch.css';
import './lib/ui/callout.css';
import './lib/ui/dialog.css';
import './lib/ui/button-sizes.css';
import { pagePolicy } from './lib/page-policy.ts';
import { followTheme } from './app/theme-store.ts';
import { restorePrerenderedStyles } from './app/prerendered-styles.ts';

// Radix dialogs lock page scroll with a stylesheet inserted at run time (react-remove-scroll);
// the page's policy admits it by this nonce (public/content-security-policy.js).
const styleNonce = pagePolicy()?.styleNonce;
if (styleNonce) setNonce(styleNonce);

followTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// The build prerenders the first screen into #root (build/prerender.ts) and React takes it over
// as it is; `vite dev` serves an empty #root, rendered from scratch. Hydrating now, while the
// page loads, lets React answer the first click or keystroke even before it has finished.
if (root.hasChildNodes()) {
  restorePrerenderedStyles(root);
  hydrateRoot(root, app, {
    // A mismatch is a bug (the prerender and the first render must agree): an uncaught error,
    // as React reports it by default, plus where it happened.
    onRecoverableError(error, { componentStack }) {
      console.error(
        'Easel: the prerendered page did not match',
        error,
        (error as Error).cause,
        componentStack,
      );
      reportError(error);
    },
  });
} else {
  createRoot(root).render(app);
}
