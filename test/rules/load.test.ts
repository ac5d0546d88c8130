import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isFeedcleanError } from '../../src/errors.js';
import { builtInPacks, normalize } from '../../src/index.js';
import { MAX_RULES_CHARS, loadRuleFiles, loadRulePacks } from '../../src/rules/load.js';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

/** The RULE_ERROR message for a rules file, or a failure if it loads. */
function problem(text: string, file = 'rules.yaml'): string {
  try {
    loadRulePacks(text, file);
  } catch (error) {
    expect(isFeedcleanError(error) && error.code).toBe('RULE_ERROR');
    return (error as Error).message;
  }
  throw new Error('the rules file loaded');
}

const exampleRules = readFileSync(join(fixturesDir, 'rules', 'example-mirror', 'rules.yaml'), 'utf8');

describe('loadRulePacks', () => {
  it('takes a host with an underscore, as feedclean learn writes it', () => {
    const [pack] = loadRulePacks(
      'id: blog\nkind: site\nhosts: [my_blog.example.com]\ndropText:\n  - { id: promo, pattern: "^Subscribe" }\n',
      'rules.yaml',
    );
    expect(pack!.hosts).toEqual(['my_blog.example.com']);
    expect(() => loadRulePacks('id: blog\nkind: site\nhosts: [my blog.example.com]\n', 'rules.yaml')).toThrow(/hosts/);
  });

  it('reads the README example into packs of the built-in shape', () => {
    const [mirror, site] = loadRulePacks(exampleRules, 'rules.yaml');
    expect(mirror).toMatchObject({ id: 'papermirror', kind: 'mirror', name: 'papermirror.example' });
    expect(mirror!.proxies).toEqual([{ id: 'papermirror-image-proxy', hosts: ['img.papermirror.example'], form: 'query', param: 'src' }]);
    expect(mirror!.footers![0]!.marker.test('More feeds: x')).toBe(true);
    expect(mirror!.footers![0]!.marker.test('Read more feeds: x')).toBe(false); // markers match at the start
    expect(site).toMatchObject({ id: 'harbourdaily', kind: 'site', hosts: ['harbourdaily.example'], timeZone: 'Asia/Hong_Kong' });
    expect(site!.rights![0]!.pattern!.test('copyright © 2024 HARBOUR DAILY.')).toBe(true);
  });

  it('reads JSON as well as YAML, one pack or a list', () => {
    const packs = loadRulePacks(
      '{"id": "x", "kind": "site", "hosts": ["example.com"], "dropText": [{"id": "x-promo", "pattern": "^Subscribe"}]}',
      'x.json',
    );
    expect(packs.map((p) => p.id)).toEqual(['x']);
    expect(packs[0]!.dropText![0]!.pattern.test('Subscribe now')).toBe(true);
  });

  it('names the file, the place in it and what is wrong', () => {
    expect(problem('id: x\nkind: site\n')).toBe(
      'rules.yaml: (top level): missing field "hosts" (a site pack applies to items from its hosts)',
    );
    expect(problem('id: x\nkind: mirror\ndropText:\n  - id: y\n    patern: a\n')).toBe('rules.yaml: /dropText/0: unknown field "patern"');
    expect(problem('id: x\nkind: town\n')).toBe('rules.yaml: /kind: must be one of "site", "mirror", "generic"');
    expect(problem('id: X Y\nkind: mirror\n')).toMatch(/^rules\.yaml: \/id: an id is lower-case letters/);
    expect(problem('id: x\nkind: mirror\ndropText: [{id: y, pattern: "(a)\\\\1"}]\n')).toMatch(
      /^rules\.yaml: \/dropText\/0\/pattern: pattern cannot run in linear time/,
    );
    expect(problem('id: x\nkind: mirror\ndropText: [{id: y, pattern: "[a"}]\n')).toMatch(
      /^rules\.yaml: \/dropText\/0\/pattern: not a valid regular expression/,
    );
    expect(problem('id: x\nkind: mirror\ndropSelectors: [{id: y, selector: "div > p"}]\n')).toMatch(
      /^rules\.yaml: \/dropSelectors\/0\/selector: unsupported selector/,
    );
    expect(problem('id: x\nkind: site\nhosts: [a.com]\ntimeZone: Mars/Base\n')).toBe(
      'rules.yaml: /timeZone: unknown time zone "Mars/Base" (use an IANA name such as Europe/Berlin)',
    );
    expect(problem('id: x\nkind: site\nhosts: [A.com]\n')).toMatch(/^rules\.yaml: \/hosts\/0: is not well formed/);
    expect(problem('id: x\nkind: mirror\nproxies: [{id: p, hosts: [p.com], form: query}]\n')).toBe(
      'rules.yaml: /proxies/0: missing field "param"',
    );
    expect(problem('id: x\nkind: mirror\nproxies: [{id: p, hosts: [p.com], form: query, param: "a-b"}]\n')).toMatch(
      /^rules\.yaml: \/proxies\/0\/param: is not well formed/,
    );
    expect(problem('id: x\nkind: mirror\ndecorativeImages: ["(?i)"]\n')).toBe(
      'rules.yaml: /decorativeImages/0: pattern is empty (it would match everything)',
    );
    expect(problem('- id: x\n  kind: mirror\n- id: x\n  kind: mirror\n')).toBe(
      'rules.yaml: /1/id: pack id "x" is already used by another pack in this file; choose another',
    );
  });

  it('checks templates against the pattern: capture groups that exist, variables that exist', () => {
    const rewrite = (template: string) =>
      `id: x\nkind: site\nhosts: [a.com]\nrewrites: [{id: r, selector: a, pattern: "^https://api/(\\\\d+)", template: "${template}"}]\n`;
    expect(loadRulePacks(rewrite('https://a.com/{lang}/{1}'), 'r.yaml')[0]!.rewrites![0]!.template).toBe('https://a.com/{lang}/{1}');
    expect(problem(rewrite('https://a.com/{2}'))).toBe('rules.yaml: /rewrites/0/template: {2} names no capture group (the pattern has 1)');
    expect(problem(rewrite('https://a.com/{host}'))).toMatch(/\{host\} is not a template variable/);
    // A template is a web address: a rule cannot make links into scripts (nor `related` entries).
    expect(problem(rewrite("javascript:alert('{1}')"))).toMatch(/^rules\.yaml: \/rewrites\/0\/template: /);
    expect(problem(rewrite('{1}'))).toMatch(/^rules\.yaml: \/rewrites\/0\/template: /);
  });

  it('refuses ids used twice: a built-in pack id, an earlier file, a rule id within a file', () => {
    expect(problem('id: dw\nkind: mirror\n')).toBe('rules.yaml: /id: pack id "dw" is already a built-in pack; choose another');
    expect(() =>
      loadRuleFiles([
        { name: 'a.yaml', text: 'id: x\nkind: mirror\n' },
        { name: 'b.yaml', text: 'id: x\nkind: mirror\n' },
      ]),
    ).toThrow('b.yaml: /id: pack id "x" is already used by another rules file; choose another');
    expect(
      problem('- id: x\n  kind: mirror\n  dropText: [{id: a, pattern: x}]\n- id: y\n  kind: mirror\n  dropText: [{id: a, pattern: y}]\n'),
    ).toBe('rules.yaml: /1/dropText/0/id: rule id "a" is already used at /0/dropText/0/id');
  });

  it('refuses a rule id a built-in pack already uses, an empty file and a huge one', () => {
    expect(problem('id: x\nkind: site\nhosts: [dw.com]\ndropText: [{id: dw-copyright-zh, pattern: x}]\n')).toBe(
      'rules.yaml: /dropText/0/id: rule id "dw-copyright-zh" is already used at pack "dw"',
    );
    expect(problem('  \n')).toBe('rules.yaml: (top level): the rules file is empty');
    expect(problem(`id: x\nkind: mirror\ngalleryLabels: [${'"label", '.repeat(150_000)}"end"]\n`)).toMatch(
      /^rules\.yaml: \(top level\): the rules file is too large \(1\.\d MiB; the limit is 1 MiB\)$/,
    );
  });

  it('refuses broken files and YAML bombs without expanding them', () => {
    expect(problem('{"id": "x",', 'r.json')).toMatch(/^r\.json: \(top level\): not valid JSON/);
    expect(problem('id: x\nkind: mirror\nid: y\n')).toMatch(/^rules\.yaml: \(top level\): not valid YAML: Map keys must be unique/);
    expect(problem('[]', 'r.json')).toBe('r.json: (top level): the list of packs is empty');
    const bomb = ['id: x', 'kind: mirror', 'galleryLabels: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `x${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(problem(bomb.join('\n'))).toMatch(/not usable YAML: Excessive alias count/);
  });
});

describe('rules files at the size limits', () => {
  const manyKeys = (n: number) => `id: x\nkind: generic\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n`;

  it('refuses a file of 95,000 keys before parsing it, in one line', () => {
    const text = manyKeys(95_000);
    expect(text.length).toBeLessThan(MAX_RULES_CHARS);
    expect(problem(text)).toBe(
      'rules.yaml: (top level): the rules file has too many keys or list items (more than 20,000; split it into several files)',
    );
    expect(problem(`{${Array.from({ length: 30_000 }, (_, i) => `k${i}`).join(', ')}}`)).toMatch(/too many keys or list items/);
  });

  it('checks the keys of a large file for duplicates in one pass (the parser compared each with every earlier one)', () => {
    // 19,000 distinct keys parse, and are then refused for what they are: fields no pack has.
    expect(problem(manyKeys(19_000))).toBe('rules.yaml: (top level): unknown field "k0"');
    expect(problem(`${manyKeys(19_000)}k18998: 2\n`)).toBe(
      'rules.yaml: (top level): not valid YAML: Map keys must be unique at line 19003, column 1',
    );
  });

  it('tells duplicate keys as YAML does: 1 and "1" are two keys, nested maps each their own', () => {
    expect(problem('id: x\nkind: mirror\nproxies: [{id: a, hosts: [a.example], form: path, 1: 2, "1": 3}]\n')).toBe(
      'rules.yaml: /proxies/0: unknown field "1"',
    );
    expect(problem('id: x\nkind: mirror\nproxies:\n  - id: a\n    id: b\n')).toBe(
      'rules.yaml: (top level): not valid YAML: Map keys must be unique at line 5, column 5',
    );
  });
});

describe('user packs at work', () => {
  const input = readFileSync(join(fixturesDir, 'rules', 'example-mirror', 'input.xml'));

  it('change nothing unless given', () => {
    const [item] = normalize(input);
    expect(item!.markdown).toContain('More feeds');
    expect(item!.published).toBe('2024-01-05T09:30:00.000Z'); // zone-less, no zone known: UTC
  });

  it("read a site's zone-less feed times in the pack's zone", () => {
    const [item] = normalize(input, { packs: [...loadRulePacks(exampleRules, 'rules.yaml'), ...builtInPacks] });
    expect(item!.published).toBe('2024-01-05T01:30:00.000Z'); // 09:30 in Hong Kong
  });
});

describe('schema/rules.schema.json', () => {
  it('is a valid JSON Schema that accepts the README example and the fixtures', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'rules.schema.json'), 'utf8'));
    const validate = new Ajv.default({ strict: true, strictRequired: false }).compile(schema);
    expect(validate(parse(exampleRules)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ id: 'x', kind: 'nope' })).toBe(false);
  });
});
