import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostOf, linkHost } from '../src/urls.js';

/** What the URL parser says (the slow path the plain-host reading must agree with). */
const parsedHost = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
};

const label = fc.stringMatching(/^(?:[A-Za-z0-9-]{1,8}|0x[0-9a-f]{0,3}|\d{1,4}|xn--[a-z0-9-]{0,6})$/);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTP://', 'https://user@', 'ftp://'),
    host,
    fc.constantFrom('', '.', ':8080', '/', '/a?b#c', '?q', '#f', '%41', '..', '/ x'),
  )
  .map((parts) => parts.join(''));

describe('hostOf and linkHost', () => {
  it('read the host the URL parser reads, lower-cased, with or without the parser', () => {
    fc.assert(
      fc.property(url, (u) => {
        expect(hostOf(u)).toBe(parsedHost(u));
        expect(linkHost(u)).toBe(parsedHost(u));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave IPv4 forms and punycode to the parser', () => {
    expect(hostOf('http://0x7f.1/')).toBe('127.0.0.1');
    expect(hostOf('https://Example.COM/x')).toBe('example.com');
    expect(linkHost('feedx.net/page')).toBe('feedx.net');
    expect(hostOf('https://xn--nxasmq6b.example/')).toBe(parsedHost('https://xn--nxasmq6b.example/'));
  });
});
