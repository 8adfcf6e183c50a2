import { useThemeStore, type ThemeChoice } from './theme-store.ts';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

/** One button cycling system → light → dark; its name says the current theme. */
export function ThemeToggle() {
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-label={LABEL[theme]}
      title={`${LABEL[theme]} (click for ${NEXT[theme]})`}
      onClick={() => setTheme(NEXT[theme])}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
    </button>
  );
}
