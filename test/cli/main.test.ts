/**
 * The built CLI, run as a user runs it (`node bin/feedclean.cjs …`): streams, files, directories,
 * exit codes and one-line diagnostics. `npm test` builds before running these.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, symlinkSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const sample = join(fixturesDir, 'dump', 'dw-sample', 'input.md');
const sampleBytes = readFileSync(sample);

function run(args: string[], input?: Buffer | string, cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input: input ?? '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'feedclean-test-'));
}

describe('feedclean CLI', () => {
  it('reads stdin and writes the Markdown document to stdout', () => {
    const { code, stdout, stderr } = run([], sampleBytes);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      readFileSync(join(fixturesDir, 'dump', 'dw-sample', 'expected.md'), 'utf8').replace('fixtures/dump/dw-sample/input.md', '-'),
    );
  });

  it('treats "-" as stdin and names it "-" in source.input', () => {
    const { code, stdout } = run(['-f', 'json', '-'], sampleBytes);
    expect(code).toBe(0);
    const items = JSON.parse(stdout);
    expect(items).toHaveLength(1);
    expect(items[0].source.input).toBe('-');
    expect(items[0].galleries[0].images).toHaveLength(8);
  });

  it('writes NDJSON, one item per line, in input order', () => {
    const { code, stdout } = run(['-f', 'ndjson', 'fixtures/dump/dw-sample/input.md', 'fixtures/dump/crlf-bom/input.md']);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((i) => i.source.input)).toEqual(['fixtures/dump/dw-sample/input.md', 'fixtures/dump/crlf-bom/input.md']);
  });

  it('separates Markdown documents with a blank line so a front-matter fence never underlines text', () => {
    const { stdout } = run(['fixtures/dump/dw-sample/input.md', 'fixtures/dump/crlf-bom/input.md']);
    expect(stdout).toMatch(/\n\n---\ntitle: 德国多地迎来今夏首轮高温/);
  });

  it('honours --no-front-matter, --no-gallery and --keep-proxies', () => {
    const plain = run(['--no-front-matter', '--no-gallery'], sampleBytes).stdout;
    expect(plain.startsWith('# 金正恩將赴俄會普丁')).toBe(true);
    expect(plain).not.toContain('## 纪念停战70周年');
    const kept = run(['--keep-proxies'], sampleBytes).stdout;
    expect(kept).toContain('https://images.weserv.nl/?url=static.dw.com/image/66545277_303.jpg');
  });

  it('walks directories recursively, skipping hidden entries and other extensions', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    copyFileSync(sample, join(dir, 'b', 'deeper', 'one.md'));
    copyFileSync(join(fixturesDir, 'dump', 'crlf-bom', 'input.md'), join(dir, 'a.txt'));
    copyFileSync(sample, join(dir, '.hidden', 'skip.md'));
    copyFileSync(sample, join(dir, '.dotfile.md'));
    writeFileSync(join(dir, 'photo.jpg'), 'not an input');
    const { code, stdout, stderr } = run(['-q', '-f', 'ndjson', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const inputs = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).source.input);
    expect(inputs).toEqual([join(dir, 'a.txt'), join(dir, 'b', 'deeper', 'one.md')]);
  });

  it('writes one file per item into -o DIR, keeps existing files unless --force', () => {
    const out = join(tempDir(), 'new', 'out');
    const first = run(['-o', out, sample]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/^feedclean: 1 item from 1 input in \d+\.\d s\n$/);
    const written = join(out, '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md');
    expect(readdirSync(out)).toEqual(['2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md']);
    // The same item again: already there, kept.
    const again = run(['-o', out, sample]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/, 1 already written \(kept; --force rewrites\)\n$/);
    // A file of that name with other content is someone else's: left alone, the item goes to -2.
    writeFileSync(written, 'edited by hand');
    expect(run(['-q', '-o', out, sample])).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(written, 'utf8')).toBe('edited by hand');
    expect(readFileSync(join(out, '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼-2.md'), 'utf8')).toMatch(/^---\ntitle: 金正恩將赴俄會普丁/);
    expect(run(['-q', '-o', out, '--force', sample])).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(written, 'utf8')).toMatch(/^---\ntitle: 金正恩將赴俄會普丁/);
    const both = run(['-q', '-o', out, '-f', 'json', sample, sample]);
    expect(both.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼-2.json',
      '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼-2.md',
      '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.json',
      '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md',
    ]);
    expect(JSON.parse(readFileSync(join(out, '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.json'), 'utf8')).title).toBe(
      '金正恩將赴俄會普丁 兩人想交換什麼？',
    );
  });

  it('reports each bad input on one line, still processes the others, exits 1', () => {
    const { code, stdout, stderr } = run(['-f', 'ndjson', 'fixtures/bad/empty.md', 'fixtures/bad/binary.md', 'no/such/file.md', sample]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'feedclean: fixtures/bad/empty.md: input is empty',
      'feedclean: fixtures/bad/binary.md: input is binary (it contains NUL bytes), not a feed item',
      'feedclean: no/such/file.md: cannot read: no such file or directory',
      expect.stringMatching(/^feedclean: 1 item from 4 inputs in \d+\.\d s, 3 failed$/),
    ]);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout).source.input).toBe(sample);
  });

  it('fails on empty stdin with a one-line error', () => {
    const { code, stdout, stderr } = run(['-f', 'json'], '');
    expect(code).toBe(1);
    expect(stderr).toBe('feedclean: -: input is empty\n');
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('reads an RSS feed from stdin, one item per entry, and refuses a feed with no entries', () => {
    const rss =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://f.example/</link><item><title>A</title><link>https://f.example/a</link><description>&lt;p&gt;one&lt;/p&gt;</description></item><item><title>B</title><link>/b</link></item></channel></rss>';
    const { code, stdout } = run(['-f', 'ndjson'], rss);
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((i) => [i.title, i.url, i.markdown, i.source.format, i.feed.title]),
    ).toEqual([
      ['A', 'https://f.example/a', 'one', 'rss', 'F'],
      ['B', 'https://f.example/b', '', 'rss', 'F'],
    ]);
    const empty = run([], '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('feedclean: -: the feed has no items\n');
  });

  it('warns, on one line naming the input, when input is truncated; bare HTML is no warning', () => {
    const { code, stderr } = run(['-q', 'fixtures/dump/truncated/input.md', 'fixtures/dump/bare-html/input.md']);
    expect(code).toBe(0);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'feedclean: fixtures/dump/truncated/input.md: warning: body HTML looks truncated (eof-in-tag); output is best effort',
    ]);
  });

  it('exits 2 on usage errors, with one line and no stack trace', () => {
    for (const args of [['-f', 'xml'], ['--bogus'], ['-o']]) {
      const { code, stdout, stderr } = run(args, sampleBytes);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^feedclean: .*\(see feedclean --help\)\n$/);
    }
  });

  it('prints help with examples and the version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--no-front-matter');
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" ${Array(40).fill(`"${sample}"`).join(' ')} | head -c 10 > /dev/null; echo "rc=\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim()).toBe('rc=0');
    expect(result.stderr).toBe('');
  });

  it('rejects contradictory or empty options as usage errors', () => {
    for (const [args, message] of [
      [['--force'], '--force only applies with -o'],
      [['-o', ''], '-o needs a directory name'],
      [['-', '-'], 'stdin ("-") can be read only once'],
    ] as const) {
      const { code, stderr } = run([...args], sampleBytes);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toBe(`feedclean: ${message} (see feedclean --help)\n`);
    }
  });

  it('follows symlinked files in directories, reports empty directories, escapes odd names', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tree'));
    mkdirSync(join(dir, 'empty'));
    symlinkSync(sample, join(dir, 'tree', 'link.md'));
    const walked = run(['-q', '-f', 'ndjson', join(dir, 'tree'), join(dir, 'empty'), join(dir, 'bad\nname.md')]);
    expect(walked.code).toBe(1);
    expect(JSON.parse(walked.stdout).source.input).toBe(join(dir, 'tree', 'link.md'));
    expect(walked.stderr.trimEnd().split('\n')).toEqual([
      `feedclean: ${join(dir, 'empty')}: no input files in this directory (looked for .md .txt .html .htm .xml .rss .atom .rdf .json)`,
      `feedclean: ${join(dir, 'bad\\nname.md')}: cannot read: no such file or directory`,
    ]);
  });

  it('refuses inputs over the size limit without reading them', () => {
    const big = join(tempDir(), 'big.md');
    writeFileSync(big, '');
    truncateSync(big, 65 * 2 ** 20);
    const { code, stderr } = run([big]);
    expect(code).toBe(1);
    expect(stderr).toBe(`feedclean: ${big}: input is too large (65 MiB; the limit is 64 MiB)\n`);
  });

  it('refuses input that is neither a dump nor HTML, and JSON that is not a JSON Feed', () => {
    expect(run([], 'just some words, no markup').stderr).toBe(
      'feedclean: -: input is neither a feed dump nor HTML (no markup found; Markdown is read when it opens with YAML front matter)\n',
    );
    expect(run([], '{"name": "feedclean", "version": "0.1.0"}').stderr).toBe(
      'feedclean: -: input is JSON but not a JSON Feed, nor a feed item\n',
    );
  });

  it('exits 1 when an input failed even if the reader closes the pipe early', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" /no/such.md ${Array(40).fill(`"${sample}"`).join(' ')} 2>/dev/null | head -c 10 > /dev/null; echo "rc=\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim()).toBe('rc=1');
  });
});
