import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { App } from './app/app.tsx';
import './app/theme.css';
import './app/controls.css';
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
