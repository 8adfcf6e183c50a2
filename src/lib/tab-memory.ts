/**
 * Small bits of context a reload of this tab should keep (the view, the brush size): kept in
 * sessionStorage, so a new tab starts afresh. Blocked storage simply remembers nothing.
 */
export function recallInTab(key: string): string | null {
  try {
    return globalThis.sessionStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function rememberInTab(key: string, value: string): void {
  try {
    globalThis.sessionStorage?.setItem(key, value);
  } catch {
    // Storage blocked or full: this bit of context is not restored after a reload.
  }
}
