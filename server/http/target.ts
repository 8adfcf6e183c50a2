/**
 * The request target, read without trusting it: what the engine routes on, what a message
 * shows, and whether the engine (rather than Vite, when mounted there) answers it.
 */
export interface Target {
  /** The normalised path (what routes match on). */
  path: string;
  /** The path as sent, for messages (control characters escaped). */
  shown: string;
  /** Whether the engine answers this target (the rest passes to Vite when mounted there). */
  ours: boolean;
  /** True when the target as sent already is its normalised path. */
  canonical: boolean;
}

const ENGINE_PATH = /^\/(v1|__engine)(\/|$)/;

/**
 * Reads the request target without trusting it. A target is ours when it names an engine
 * path as sent or once normalised (so `/v1/../x` is refused here, not handed to Vite); it is
 * canonical only when normalising changes nothing and it holds no dot-segment or separator
 * tricks (no percent-encoding at all, no `//`, `\\` or control characters). Never throws.
 */
export function parseTarget(target: string | undefined): Target {
  const raw = (target ?? '/').split(/[?#]/, 1)[0]!;
  const shown = escapeControls(raw);
  let path: string;
  try {
    // Origin-form targets are parsed below a fixed origin, so `//host/x` stays a path.
    path = raw.startsWith('/') ? new URL(`http://engine${raw}`).pathname : new URL(raw).pathname;
  } catch {
    return { path: '/__invalid__', shown, ours: ENGINE_PATH.test(raw), canonical: false };
  }
  // No engine path needs a percent-encoding, so any at all makes a target non-canonical.
  const suspicious = /%|\/\/|\\/.test(raw) || shown !== raw;
  // A static file server decodes `%2f` and `\` before it resolves dot segments, so
  // `/v1%2f..%2findex.html` would reach the page: anything that names an engine path once
  // decoded is ours too (and then, not being canonical, a 404).
  const ours = [path, raw, ...decodedForms(raw)].some((p) => ENGINE_PATH.test(p));
  return { path, shown, ours, canonical: raw === path && !suspicious };
}

/** The target decoded once, with backslashes as slashes, as written and normalised. */
function decodedForms(raw: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw).replace(/\\/g, '/');
  } catch {
    return [];
  }
  try {
    return [decoded, new URL(`http://engine${decoded.replace(/^\/+/, '/')}`).pathname];
  } catch {
    return [decoded];
  }
}

/** Control characters (NUL, CR, LF...) as `\xNN`, so a message or log line shows them inert. */
function escapeControls(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}
