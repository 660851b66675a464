import { describe, expect, it } from 'vitest';
import { isSafeUrl, urlScheme } from '../../src/lib/safe-url';

describe('safe URLs', () => {
  it('finds the scheme as a browser does', () => {
    expect(urlScheme('https://x.vn/a')).toBe('https');
    expect(urlScheme('JavaScript:alert(1)')).toBe('javascript');
    expect(urlScheme(' \u0001javascript:alert(1)')).toBe('javascript');
    expect(urlScheme('java\tscript:alert(1)')).toBe('javascript');
    expect(urlScheme('java\nscript:alert(1)')).toBe('javascript');
    expect(urlScheme('/tin-tuc/a:b/')).toBeUndefined();
    expect(urlScheme('#muc-1')).toBeUndefined();
    expect(urlScheme('tai-lieu.pdf')).toBeUndefined();
    // Percent-encoding does not make a scheme: a browser reads it as a relative path.
    expect(urlScheme('java%73cript:alert(1)')).toBeUndefined();
  });

  it('allows web pages, e-mail, phones and relative links only', () => {
    for (const url of ['https://x.vn', 'http://x.vn', 'mailto:a@b.vn', 'tel:0226', '/tin-tuc/', '#muc', '?q=a', 'anh.jpg', '//cdn.x.vn/a']) {
      expect(isSafeUrl(url), url).toBe(true);
    }
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,hi', 'file:///etc/passwd', ' javascript:x']) {
      expect(isSafeUrl(url), url).toBe(false);
    }
  });
});
