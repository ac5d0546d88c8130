import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../src/dates/zone.js';
import { builtInPacks, packsFor, ruleIdsByKind, timeZoneFor } from '../../src/rules/index.js';
import { compileSelector } from '../../src/tree/select.js';
import { listFiles, repoRoot } from '../support/fixtures.js';

describe('built-in rule packs', () => {
  it('are the planned packs, each with a unique id, and their rule ids are unique', () => {
    expect(builtInPacks.map((p) => p.id)).toEqual(['generic', 'feedx', 'dw', 'nyt', 'bbc', 'voa', 'zaobao', 'rfi']);
    const ruleIds = builtInPacks.flatMap((p) => ruleIdsByKind(p).flatMap(([, ids]) => ids));
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it('hold only well-formed data: compilable selectors, valid zones, bare lower-case hosts', () => {
    for (const pack of builtInPacks) {
      for (const rule of pack.dropSelectors ?? []) expect(() => compileSelector(rule.selector), rule.id).not.toThrow();
      for (const rule of pack.rewrites ?? []) expect(() => compileSelector(rule.selector), rule.id).not.toThrow();
      for (const rule of pack.embeds ?? [])
        for (const s of [rule.selector, ...(rule.containers ?? [])]) expect(() => compileSelector(s), rule.id).not.toThrow();
      if (pack.timeZone) expect(isValidTimeZone(pack.timeZone), pack.id).toBe(true);
      for (const host of [...(pack.hosts ?? []), ...(pack.proxies ?? []).flatMap((p) => p.hosts)]) expect(host).toMatch(/^[a-z0-9.-]+$/);
      expect(pack.kind === 'site').toBe((pack.hosts ?? []).length > 0);
    }
  });

  it('apply site packs by host and subdomain only', () => {
    const ids = (url: string | null) => packsFor(url).map((p) => p.id);
    expect(ids('https://www.dw.com/zh/x/a-1')).toEqual(['generic', 'feedx', 'dw']);
    expect(ids('https://cn.nytimes.com/china/x/')).toEqual(['generic', 'feedx', 'nyt']);
    expect(ids('https://www.nytimes.com/2020/x.html')).toEqual(['generic', 'feedx']);
    expect(ids('https://notdw.com/x')).toEqual(['generic', 'feedx']);
    expect(ids(null)).toEqual(['generic', 'feedx']);
    expect(timeZoneFor(packsFor('https://cn.nytimes.com/x'))).toBe('Asia/Shanghai');
    expect(timeZoneFor(packsFor('https://www.dw.com/x'))).toBe('UTC');
    expect(timeZoneFor(packsFor('https://www.zaobao.com.sg/realtime/china/story1'))).toBe('Asia/Singapore');
  });
});

describe('site knowledge stays in src/rules', () => {
  it('no stage outside src/rules names a site, mirror or proxy host', () => {
    const offenders: string[] = [];
    for (const file of listFiles(join(repoRoot, 'src'), '.ts')) {
      if (file.includes(`${join('src', 'rules')}`)) continue;
      const code = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
      if (/dw\.com|bbc\.|nytimes|voa(news|chinese)|feedx|weserv|wsrv|wp\.com|youtube/i.test(code)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
