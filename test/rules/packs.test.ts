import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../src/dates/zone.js';
import { Ajv } from 'ajv';
import { compilePack } from '../../src/rules/compile-pack.js';
import { generic } from '../../src/rules/generic.js';
import { builtInPacks, packsFor, ruleIdsByKind, timeZoneFor } from '../../src/rules/index.js';
import { RULE_KINDS } from '../../src/rules/kinds.js';
import { kindsTable } from '../../src/rules/kinds-table.js';
import { rulesSchema } from '../../src/rules/schema.js';
import { bbc } from '../../src/rules/sites/bbc.js';
import { dw } from '../../src/rules/sites/dw.js';
import { feedx } from '../../src/rules/sites/feedx.js';
import { nyt } from '../../src/rules/sites/nyt.js';
import { reuters } from '../../src/rules/sites/reuters.js';
import { rfi } from '../../src/rules/sites/rfi.js';
import { voa } from '../../src/rules/sites/voa.js';
import { zaobao } from '../../src/rules/sites/zaobao.js';
import { listFiles, repoRoot } from '../support/fixtures.js';

const SOURCES = [generic, feedx, dw, nyt, bbc, voa, zaobao, rfi, reuters];

describe('rule kinds, schema and built-in packs', () => {
  it('declare each kind under its own field, and the published schema is the one derived from them', () => {
    for (const [field, kind] of Object.entries(RULE_KINDS)) expect(kind.field).toBe(field);
    const published = JSON.parse(readFileSync(join(repoRoot, 'schema', 'rules.schema.json'), 'utf8')) as unknown;
    // `npm run schema` writes it; a kind added or changed without it fails here.
    expect(published).toEqual(rulesSchema());
    const properties = Object.keys((rulesSchema().definitions as { pack: { properties: object } }).pack.properties);
    for (const field of Object.keys(RULE_KINDS)) expect(properties).toContain(field);
  });

  it("are the README's table of pack fields, as npm run schema writes it", () => {
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(kindsTable());
  });

  it("check the built-in packs with the schema users' packs are checked with, and compile every rule with the same compiler", () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    const schema = rulesSchema();
    ajv.addSchema(schema);
    const validate = ajv.getSchema(`${schema.$id as string}#/definitions/pack`)!;
    for (const source of SOURCES) {
      expect(validate(source) ? [] : validate.errors, source.id).toEqual([]);
      const eager = compilePack(source, '', `built-in pack ${source.id}`);
      const lazy = builtInPacks.find((p) => p.id === source.id)!;
      for (const field of Object.keys(RULE_KINDS) as Array<keyof typeof RULE_KINDS>) {
        expect(lazy[field] === undefined, `${source.id}.${field}`).toBe(eager[field] === undefined);
      }
      expect(ruleIdsByKind(lazy)).toEqual(ruleIdsByKind(eager));
    }
  });
});

describe('built-in rule packs', () => {
  it('are the planned packs, each with a unique id, and their rule ids are unique', () => {
    expect(builtInPacks.map((p) => p.id)).toEqual(['generic', 'feedx', 'dw', 'nyt', 'bbc', 'voa', 'zaobao', 'rfi', 'reuters']);
    const ruleIds = builtInPacks.flatMap((p) => ruleIdsByKind(p).flatMap(([, ids]) => ids));
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it('hold only well-formed data: compilable selectors, valid zones, bare lower-case hosts', () => {
    for (const pack of builtInPacks) {
      if (pack.timeZone) expect(isValidTimeZone(pack.timeZone), pack.id).toBe(true);
      for (const host of [...(pack.hosts ?? []), ...(pack.proxies ?? []).flatMap((p) => p.hosts ?? [])])
        expect(host).toMatch(/^[a-z0-9.-]+$/);
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
