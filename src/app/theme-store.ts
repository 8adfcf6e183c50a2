import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface ThemeState {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

/** The designer's theme choice; "system" follows the operating system's setting. */
export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ theme: 'system', setTheme: (theme) => set({ theme }) }), {
    name: 'easel.theme',
  }),
);

/** The palette a choice stands for: "system" takes the operating system's. */
export function resolveTheme(theme: ThemeChoice, systemIsDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemIsDark ? 'dark' : 'light';
  return theme;
}

/**
 * Keeps <html data-theme> on "light" or "dark" from the designer's choice and, for "system",
 * from the operating system's setting as it changes. Resolving "system" here, not in CSS,
 * lets theme.css write the dark palette once. Called before the first render, so the studio
 * renders in its palette from the start; returns the unsubscribe.
 */
export function followTheme(): () => void {
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const { theme } = useThemeStore.getState();
    document.documentElement.dataset.theme = resolveTheme(theme, systemDark.matches);
  };
  apply();
  systemDark.addEventListener('change', apply);
  const unsubscribe = useThemeStore.subscribe(apply);
  return () => {
    systemDark.removeEventListener('change', apply);
    unsubscribe();
  };
}
