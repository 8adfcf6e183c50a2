import { describe, expect, it } from 'vitest';
import { acceptResultUrl, MAX_RESULT_URL_LENGTH } from './result-url.ts';

describe('acceptResultUrl', () => {
  it('accepts absolute http and https links, normalised', () => {
    expect(acceptResultUrl('https://images.example.com/a.png?sig=1')).toBe(
      'https://images.example.com/a.png?sig=1',
    );
    expect(acceptResultUrl('  http://127.0.0.1:7700/v1/images/files/x.png ')).toBe(
      'http://127.0.0.1:7700/v1/images/files/x.png',
    );
    expect(acceptResultUrl('HTTPS://Example.COM/x')).toBe('https://example.com/x');
  });

  it.each([
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    ' \tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:https://example.com/1234',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'ftp://example.com/a.png',
    'about:blank',
  ])('refuses the non-http(s) link %j', (link) => {
    expect(acceptResultUrl(link)).toBeNull();
  });

  it('refuses relative links, which name no host the user could judge', () => {
    expect(acceptResultUrl('/v1/images/files/x.png')).toBeNull();
    expect(acceptResultUrl('//evil.example/x.png')).toBeNull();
    expect(acceptResultUrl('x.png')).toBeNull();
  });

  it('refuses links with credentials, which read as one host and go to another', () => {
    expect(acceptResultUrl('https://api.openai.com@evil.example/x.png')).toBeNull();
    expect(acceptResultUrl('https://user:pass@images.example.com/x.png')).toBeNull();
  });

  it('refuses what is not a string, empty or over-long', () => {
    for (const value of [undefined, null, 42, {}, ['https://a.example/'], ''])
      expect(acceptResultUrl(value)).toBeNull();
    const long = `https://images.example.com/${'a'.repeat(MAX_RESULT_URL_LENGTH)}`;
    expect(acceptResultUrl(long)).toBeNull();
  });
});
