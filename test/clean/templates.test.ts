import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, varsOf } from '../../src/clean/templates.js';

describe('fillTemplate', () => {
  it('fills capture groups and variables, and gives null when one has no value', () => {
    expect(fillTemplate('https://www.dw.com/{lang}/a-{1}', ['x', '61291612'], { lang: 'zh' })).toBe('https://www.dw.com/zh/a-61291612');
    expect(fillTemplate('{1}{1}-{2}', ['', 'a', 'b'], {})).toBe('aa-b');
    expect(fillTemplate('https://x/{lang}/', [], { lang: null })).toBeNull();
    expect(fillTemplate('https://x/{2}', ['', 'a'], {})).toBeNull();
    expect(fillTemplate('no slots', [], {})).toBe('no slots');
  });
});

describe('varsOf', () => {
  /** The URL parser's reading, which the plain path must agree with. */
  const parsed = (url: string) => {
    let lang: string | null;
    try {
      lang = new URL(url).pathname.split('/').filter(Boolean)[0] ?? null;
    } catch {
      lang = null;
    }
    return lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i.test(lang) ? lang : null;
  };

  it('reads the language the first path segment names, as the URL parser would', () => {
    expect(varsOf('https://www.dw.com/zh/x/a-1').lang).toBe('zh');
    expect(varsOf('https://www.dw.com/zh-hant/a-1').lang).toBe('zh-hant');
    expect(varsOf('https://www.dw.com/zh/../en/a-1').lang).toBe('en');
    expect(varsOf('https://www.dw.com/news/a-1').lang).toBeNull();
    expect(varsOf(null).lang).toBeNull();
    const segment = fc.constantFrom('zh', 'en', '..', '.', '%2e%2E', 'de-at', 'news', '', 'a\\b', 'x?y', 'ZH');
    fc.assert(
      fc.property(fc.constantFrom('https://', 'http://', 'HTTPS://'), fc.array(segment, { maxLength: 4 }), (scheme, parts) => {
        const url = `${scheme}www.dw.com/${parts.join('/')}`;
        expect(varsOf(url).lang, url).toBe(parsed(url));
      }),
      { numRuns: 1000 },
    );
  });
});
