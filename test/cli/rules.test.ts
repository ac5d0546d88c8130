/** `--rules`, `--explain` and `feedclean rules`, through the built CLI as a user runs them. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const example = join(fixturesDir, 'rules', 'example-mirror');

function run(args: string[], cwd = repoRoot, input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--rules', () => {
  it('runs the README example as documented', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    // The README shows the rules file whole, and the command that uses it.
    expect(readme).toContain(readFileSync(join(example, 'rules.yaml'), 'utf8').trim());
    expect(readme).toContain('feedclean --rules rules.yaml input.xml');
    const { code, stdout, stderr } = run(['--rules', 'rules.yaml', 'input.xml'], example);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(example, 'expected.md'), 'utf8').replace('fixtures/rules/example-mirror/input.xml', 'input.xml'));
  });

  it('refuses a bad rules file before reading any input: one line, exit 2, nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedclean-rules-'));
    writeFileSync(join(dir, 'bad.yaml'), 'id: x\nkind: mirror\ndropText:\n  - id: y\n    pattern: "(a+)\\\\1"\n');
    const { code, stdout, stderr } = run(['--rules', 'bad.yaml', 'no-such-input.md'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^feedclean: bad\.yaml: \/dropText\/0\/pattern: pattern cannot run in linear time[^\n]*\n$/);
    expect(run(['--rules', 'missing.yaml', 'x.md'], dir).stderr).toBe(
      'feedclean: missing.yaml: cannot read the rules file: no such file or directory\n',
    );
  });

  it('reads rules from a pipe, as `--rules <(…)` gives them', () => {
    // bash's process substitution hands node /dev/fd/N, a pipe whose "real path" cannot be opened.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --rules <(cat rules.yaml) rules`], {
      cwd: example,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^papermirror \(mirror, \/dev\/fd\/\d+\): every item/m);
    // A pipe has no size to check first: the limit holds while it is read.
    const endless = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --rules <(yes) rules`], { encoding: 'utf8', timeout: 30_000 });
    expect(endless.status).toBe(2);
    expect(endless.stderr).toMatch(/^feedclean: \/dev\/fd\/\d+: the rules file is too large \(the limit is 1 MiB\)\n$/);
  });

  it('reads a file named twice once, and "feedclean rules" takes no inputs', () => {
    expect(run(['--rules', 'rules.yaml', '--rules', './rules.yaml', 'input.xml'], example).code).toBe(0);
    const extra = run(['rules', 'extra'], example);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/^feedclean: "feedclean rules" lists the rule packs and takes no inputs/);
  });

  it('gives worker threads the same packs (--jobs 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedclean-rules-'));
    for (const name of ['a.xml', 'b.xml']) copyFileSync(join(example, 'input.xml'), join(dir, name));
    copyFileSync(join(example, 'rules.yaml'), join(dir, 'rules.yaml'));
    const { code, stdout } = run(['--rules', 'rules.yaml', '-j', '2', '-q', '-f', 'ndjson', 'a.xml', 'b.xml'], dir);
    expect(code).toBe(0);
    const items = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(items.map((i) => [i.source.input, i.source.via, i.published])).toEqual([
      ['a.xml', 'papermirror.example', '2024-01-05T01:30:00.000Z'],
      ['b.xml', 'papermirror.example', '2024-01-05T01:30:00.000Z'],
    ]);
  });
});

describe('--explain', () => {
  it('adds an explain field to JSON items', () => {
    const { code, stdout } = run(['--rules', 'rules.yaml', '--explain', '-f', 'json', 'input.xml'], example);
    expect(code).toBe(0);
    const [item] = JSON.parse(stdout);
    expect(item.explain).toContainEqual({
      pack: 'harbourdaily',
      rule: 'harbourdaily-copyright',
      action: 'moved',
      detail: 'Copyright © 2024 Harbour Daily. All rights reserved. into rights',
    });
    expect(item.explain.map((e: { rule: string }) => e.rule)).toEqual([
      'papermirror-image-proxy',
      'papermirror-footer',
      'papermirror-share-bar',
      'harbourdaily-copyright',
      'harbourdaily-api-link',
    ]);
  });

  it('says on stderr, one line per rule, what was removed from Markdown output', () => {
    const { code, stdout, stderr } = run(['--explain', 'fixtures/dump/dw-sample/input.md']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('explain');
    const lines = stderr.trim().split('\n');
    expect(lines).toContain(
      'feedclean: fixtures/dump/dw-sample/input.md: explain: "金正恩將赴俄會普丁 兩人想交換什麼？": generic/copyright-sign moved: © 2023年德國之聲版權聲明：本文所有內容受到著作權法保護，如無德國之聲特別授權，不得擅自使用。任何不當行為都將導致追償，並受到刑事追究。 into rights',
    );
    expect(lines.some((l) => l.includes('feedx/feedx-footer removed: 获取更多RSS：https://feedx.net https://feedx.best'))).toBe(true);
  });

  it('names what the sanitizer dropped: elements, and attributes that could run or load something', () => {
    const { stdout } = run(
      ['--explain', '-f', 'json'],
      repoRoot,
      '<p class="x" onclick="go()">Hello <a href="javascript:alert(1)">link</a></p><script>alert(1)</script><p>world</p>',
    );
    expect(JSON.parse(stdout)[0].explain).toEqual([
      { pack: 'feedclean', rule: 'sanitize', action: 'removed', detail: '<script> "alert(1)" with its content' },
      { pack: 'feedclean', rule: 'sanitize', action: 'removed', detail: 'onclick="go()" from <p>' },
      { pack: 'feedclean', rule: 'sanitize', action: 'removed', detail: 'href="javascript:alert(1)" from <a>' },
    ]);
  });

  it('is absent without the option', () => {
    const [item] = JSON.parse(run(['-f', 'json', 'fixtures/dump/dw-sample/input.md']).stdout);
    expect(item).not.toHaveProperty('explain');
  });
});

describe('feedclean rules', () => {
  it('lists the built-in packs and the loaded ones, with their rules', () => {
    const { code, stdout } = run(['rules', '--rules', 'rules.yaml'], example);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'papermirror (mirror, rules.yaml): every item; names the mirror papermirror.example\n  proxies          papermirror-image-proxy\n',
    );
    expect(stdout).toContain(
      'dw (site, built-in): items from dw.com\n  dropText         dw-newsletter-promo, dw-house-promo\n  rights           dw-copyright-zh, dw-copyright-en\n',
    );
  });

  it('as JSON with -f json', () => {
    const packs = JSON.parse(run(['rules', '-f', 'json']).stdout);
    expect(packs.map((p: { id: string }) => p.id)).toEqual(['generic', 'feedx', 'dw', 'nyt', 'bbc', 'voa', 'zaobao', 'rfi', 'reuters']);
    expect(packs.find((p: { id: string }) => p.id === 'nyt')).toMatchObject({
      kind: 'site',
      timeZone: 'Asia/Shanghai',
      source: 'built-in',
    });
  });
});
