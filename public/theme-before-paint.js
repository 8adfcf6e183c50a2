/*
 * Sets <html data-theme> before the first paint, so the prerendered studio appears in the
 * designer's palette at once: their stored choice (src/app/theme-store.ts persists it under
 * `easel.theme`), or for "system" the operating system's setting. The built page loads this
 * blocking script in <head> (build/prerender.ts); the studio's followTheme keeps the
 * attribute in step from then on.
 */
(function () {
  'use strict';
  let choice = 'system';
  try {
    const stored = JSON.parse(localStorage.getItem('easel.theme') || 'null');
    const theme = stored && stored.state && stored.state.theme;
    if (theme === 'light' || theme === 'dark') choice = theme;
  } catch {
    // Storage disabled or unreadable: the operating system's setting.
  }
  const systemDark = matchMedia('(prefers-color-scheme: dark)').matches;
  const dark = choice === 'dark' || (choice === 'system' && systemDark);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
