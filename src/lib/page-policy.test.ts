import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { connectionAllowed, parsePolicy, type PagePolicy } from './page-policy.ts';

const BOOT_SCRIPT = readFileSync(
  new URL('../../public/content-security-policy.js', import.meta.url),
  'utf8',
);
const PAGE = 'http://127.0.0.1:5173';

/** Runs the real boot script against stored provider settings; returns the policy it wrote. */
function bootPolicy(stored: unknown, { storageThrows = false } = {}): string {
  return boot(stored, { storageThrows }).policy;
}

/** Runs the boot script; `framed` puts the page in another page's frame. */
function boot(stored: unknown, { storageThrows = false, framed = false } = {}) {
  const head: { httpEquiv: string; content: string }[] = [];
  const root = { hidden: false };
  const parent = { location: { replace: (_url: string) => undefined } };
  const navigated: string[] = [];
  parent.location.replace = (url) => void navigated.push(url);
  const window: Record<string, unknown> = { location: { href: `${PAGE}/` } };
  window.self = window;
  window.top = framed ? parent : window;
  runInNewContext(BOOT_SCRIPT, {
    window,
    URL,
    btoa,
    crypto: globalThis.crypto,
    location: new URL(`${PAGE}/`),
    localStorage: {
      getItem: (key: string) => {
        if (storageThrows) throw new Error('SecurityError');
        if (key !== 'easel.providers' || stored === undefined) return null;
        return typeof stored === 'string' ? stored : JSON.stringify({ state: stored, version: 1 });
      },
    },
    document: {
      documentElement: root,
      createElement: () => ({ httpEquiv: '', content: '' }),
      head: { appendChild: (el: { httpEquiv: string; content: string }) => head.push(el) },
    },
  });
  expect(head).toHaveLength(1);
  expect(head[0]!.httpEquiv).toBe('Content-Security-Policy');
  return { policy: head[0]!.content, hidden: root.hidden, navigated };
}

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources.join(' ')];
    }),
  );

describe('the Content-Security-Policy boot script (public/content-security-policy.js)', () => {
  it('on a first visit allows connections to the studio itself only', () => {
    const d = directives(bootPolicy(undefined));
    expect(d['connect-src']).toBe("'self' blob:");
  });

  it('never allows inline or third-party scripts, plugins, frames or a foreign <base>', () => {
    const d = directives(bootPolicy(undefined));
    expect(d['default-src']).toBe("'none'");
    expect(d['script-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
    expect(d['frame-src']).toBe("'none'");
    expect(d['base-uri']).toBe("'self'");
    expect(d['img-src']).toBe("'self' blob: data:");
    expect(d['worker-src']).toBe("'self'");
    // Styles: the studio's own sheets, and the one a library inserts, by a fresh nonce.
    expect(d['style-src']).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(bootPolicy(undefined)).not.toContain('unsafe');
  });

  it('gives every page load a different style nonce', () => {
    const nonce = (p: string) => directives(p)['style-src'];
    expect(nonce(bootPolicy(undefined))).not.toBe(nonce(bootPolicy(undefined)));
  });

  it('allows the origin of each configured provider, and nothing from its path or key', () => {
    const policy = bootPolicy({
      active: 'compatible',
      openai: { baseUrl: 'https://proxy.example.com:8443/openai/v1', apiKey: 'sk-secret-1' },
      azure: { baseUrl: 'https://my-res.openai.azure.com/', apiKey: 'azure-secret' },
      compatible: { baseUrl: 'http://192.168.1.5:8000/v1', apiKey: 'sk-secret-2' },
    });
    expect(directives(policy)['connect-src']).toBe(
      "'self' blob: https://proxy.example.com:8443 https://my-res.openai.azure.com http://192.168.1.5:8000",
    );
    expect(policy).not.toMatch(/secret|\/v1|openai\/v1/);
  });

  it('counts OpenAI as configured once chosen, even with the base URL left to its default', () => {
    expect(
      directives(bootPolicy({ active: 'openai', openai: { baseUrl: '' } }))['connect-src'],
    ).toBe("'self' blob: https://api.openai.com");
    expect(
      directives(bootPolicy({ active: 'local', openai: { baseUrl: '' } }))['connect-src'],
    ).toBe("'self' blob:");
  });

  it('lists an origin once, and not the studio’s own (it is already "self")', () => {
    const policy = bootPolicy({
      active: 'openai',
      openai: { baseUrl: 'https://api.example.com/v1' },
      compatible: { baseUrl: 'https://api.example.com/other/v1' },
      azure: { baseUrl: `${PAGE}/v1` },
    });
    expect(directives(policy)['connect-src']).toBe("'self' blob: https://api.example.com");
  });

  it('cannot be made to write extra directives or sources by a crafted base URL', () => {
    const policy = bootPolicy({
      active: 'compatible',
      openai: { baseUrl: "https://a.example; script-src 'unsafe-inline'" },
      azure: { baseUrl: 'javascript:alert(1)' },
      compatible: { baseUrl: "https://b.example/'unsafe-eval' *" },
    });
    // The first is not a URL at all (a space in the host); the others keep only an origin.
    expect(directives(policy)['connect-src']).toBe("'self' blob: https://b.example");
    expect(policy).not.toMatch(/unsafe|\*/);
    expect(Object.keys(directives(policy))).toHaveLength(12);
  });

  it('keeps out hosts that parse as URLs but are no CSP host: semicolons, quotes', () => {
    const policy = bootPolicy({
      active: 'compatible',
      openai: { baseUrl: 'http://x;worker-src/v1' },
      azure: { baseUrl: "http://a'b.example" },
      compatible: { baseUrl: 'http://x;script-src-elem data:;/v1' },
    });
    expect(directives(policy)['connect-src']).toBe("'self' blob:");
    expect(directives(policy)['worker-src']).toBe("'self'");
    expect(Object.keys(directives(policy))).toHaveLength(12);
  });

  it('in another page’s frame, still writes the policy, hides the studio and tries to leave', () => {
    const framed = boot(undefined, { framed: true });
    expect(directives(framed.policy)['script-src']).toBe("'self'");
    expect(framed.hidden).toBe(true);
    expect(framed.navigated).toEqual([`${PAGE}/`]);
    const top = boot(undefined);
    expect(top.hidden).toBe(false);
    expect(top.navigated).toEqual([]);
  });

  it('skips what it cannot use: relative, non-http, IPv6 and missing base URLs', () => {
    const policy = bootPolicy({
      active: 'compatible',
      openai: { baseUrl: '/v1' },
      azure: { baseUrl: 'ftp://files.example.com' },
      compatible: { baseUrl: 'http://[::1]:8000/v1' },
    });
    expect(directives(policy)['connect-src']).toBe("'self' blob:");
  });

  it('falls back to the studio alone when the settings are unreadable or storage is blocked', () => {
    expect(directives(bootPolicy('{not json'))['connect-src']).toBe("'self' blob:");
    expect(directives(bootPolicy('"just a string"'))['connect-src']).toBe("'self' blob:");
    expect(directives(bootPolicy(undefined, { storageThrows: true }))['connect-src']).toBe(
      "'self' blob:",
    );
  });

  it('writes a policy the studio reads back (src/lib/page-policy.ts)', () => {
    const parsed = parsePolicy(
      bootPolicy({ active: 'openai', openai: { baseUrl: 'https://api.openai.com/v1' } }),
    );
    expect(parsed?.connectOrigins).toEqual(['https://api.openai.com']);
    expect(parsed?.styleNonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('connectionAllowed', () => {
  const policy: PagePolicy = { connectOrigins: ['https://api.openai.com', 'http://10.0.0.2:8000'] };

  it('allows the page’s own origin and the listed origins, exactly', () => {
    const allowed = (url: string) => connectionAllowed(url, policy, `${PAGE}/`);
    expect(allowed('/v1/images/generations')).toBe(true);
    expect(allowed(`${PAGE}/v1/models`)).toBe(true);
    expect(allowed('https://api.openai.com/v1/images/edits')).toBe(true);
    expect(allowed('http://10.0.0.2:8000/v1/models')).toBe(true);
    expect(allowed('http://api.openai.com/v1')).toBe(false); // another scheme
    expect(allowed('https://api.openai.com:444/v1')).toBe(false); // another port
    expect(allowed('https://files.openai.com/x.png')).toBe(false); // another host
    expect(allowed('http://10.0.0.2:8001/')).toBe(false);
  });

  it('allows everything on a page without a policy (vite dev)', () => {
    expect(connectionAllowed('https://anywhere.example/', null, `${PAGE}/`)).toBe(true);
  });
});
