import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { App } from './app/app.tsx';
import './app/theme.css';
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

// Radix dialogs lock page scroll with a stylesheet inserted at run time (react-remove-scroll);
// the page's policy admits it by this nonce (public/content-security-policy.js).
const styleNonce = pagePolicy()?.styleNonce;
if (styleNonce) setNonce(styleNonce);

followTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
