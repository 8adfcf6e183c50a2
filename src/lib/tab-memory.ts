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

/** This tab's id, the same across its reloads (for data kept elsewhere per tab). */
export function tabId(): string {
  const known = recallInTab('easel.tab-id');
  if (known) return known;
  const id = crypto.randomUUID();
  rememberInTab('easel.tab-id', id);
  return id;
}
