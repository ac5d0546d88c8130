/**
 * Batches through the built CLI, as scripts run it: worker threads and input order, -o with
 * resume and interruption, --keep-dirs, globs, --files-from, the NDJSON streaming contract (and
 * through a real GNU parallel when it is installed, as in CI).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { inputBytes } from '../../src/cli/execute.js';
import { isSmallBatch } from '../../src/cli/threads.js';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const sample = join(fixturesDir, 'dump', 'dw-sample', 'input.md');

function run(args: string[], input: string | Buffer = '', cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'feedclean-batch-'));

/** Every dump and feed fixture, several times over, under distinct names: a batch of mixed sizes. */
function mixedBatch(copies: number): string {
  const dir = tempDir();
  const sources = ['dump', 'feed'].flatMap((family) =>
    readdirSync(join(fixturesDir, family)).map((name) => {
      const input = readdirSync(join(fixturesDir, family, name)).find((f) => f.startsWith('input.'))!;
      return join(fixturesDir, family, name, input);
    }),
  );
  for (let i = 0; i < copies; i++) {
    sources.forEach((source, k) =>
      copyFileSync(
        source,
        join(dir, `${String(i).padStart(3, '0')}-${String(k).padStart(2, '0')}${source.slice(source.lastIndexOf('.'))}`),
      ),
    );
  }
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('feedclean batches', () => {
  it('gives the same bytes in the same order whatever --jobs, and a one-line summary', () => {
    const dir = mixedBatch(3); // every fixture three times: over a hundred inputs of mixed sizes
    const one = run(['-f', 'ndjson', '-j', '1', dir]);
    const three = run(['-f', 'ndjson', '-j', '3', dir]);
    expect(one.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).not.toContain('\r'); // no progress bar on a pipe
    const inputs = one.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).source.input);
    expect([...new Set(inputs)]).toEqual(
      readdirSync(dir)
        .sort()
        .map((f) => join(dir, f)),
    );
    expect(three.stderr).toBe(one.stderr.replace(/in \d+(\.\d)? s\n$/, three.stderr.match(/in \d+(\.\d)? s\n$/)![0]));
    expect(three.stderr.trimEnd().split('\n').at(-1)).toMatch(/^feedclean: [\d,]+ items from [\d,]+ inputs in \d+(\.\d)? s$/);
    // JSON (a streamed array) and Markdown agree with their one-thread selves too.
    expect(run(['-q', '-f', 'json', '-j', '2', dir]).stdout).toBe(run(['-q', '-f', 'json', '-j', '1', dir]).stdout);
    expect(JSON.parse(run(['-q', '-f', 'json', '-j', '2', dir]).stdout)).toHaveLength(inputs.length);
    expect(run(['-q', '-j', '2', dir]).stdout).toBe(run(['-q', '-j', '1', dir]).stdout);
  }, 120_000); // eight runs over 104 inputs: past the default 20 s on a loaded machine

  it('draws a progress bar on a terminal for a large batch, unless --quiet', async () => {
    const dir = mixedBatch(2); // every fixture twice
    const total = readdirSync(dir).length;
    const runOnTty = async (args: string[]) => {
      let stderr = '';
      const sink = new Writable({ write: (_chunk, _enc, done) => done() });
      const code = await main([...args, dir], {
        stdin: process.stdin,
        stdout: sink,
        stderr: Object.assign(new Writable({ write: (chunk, _enc, done) => ((stderr += chunk), done()) }), { isTTY: true, columns: 100 }),
      });
      return { code, stderr };
    };
    const shown = await runOnTty(['-j', '1', '-f', 'ndjson']);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(new RegExp(String.raw`\r\x1b\[K\[=*>? *\] \d+/${total} · [\d,]+ items/s`));
    // The run ends on the summary line, the bar wiped: nothing after it is a bar.
    expect(shown.stderr).toMatch(
      new RegExp(
        String.raw`\nfeedclean: [\d,]+ items from ${total} inputs in [\d.]+ s\n$|\r\x1b\[Kfeedclean: [\d,]+ items from ${total} inputs in [\d.]+ s\n$`,
      ),
    );
    expect(shown.stderr.split('\r\x1b[K').at(-1)).not.toMatch(/^\[/);
    const quiet = await runOnTty(['-q', '-j', '1', '-f', 'ndjson']);
    expect(quiet.stderr).not.toContain('\r');
  });

  it('keeps going when inputs fail or overrun --timeout in a worker', () => {
    const dir = mixedBatch(1);
    writeFileSync(join(dir, '000-bad.md'), Buffer.from([0, 1, 2, 3]));
    const r = run(['-f', 'ndjson', '-j', '2', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`feedclean: ${join(dir, '000-bad.md')}: input is binary`);
    expect(r.stdout.trimEnd().split('\n').length).toBeGreaterThan(20);
    // A limit no worker can meet: every input fails alone, each worker is replaced, the run ends.
    const timedOut = run(['-q', '-f', 'ndjson', '-j', '2', '--timeout', '0.001', dir]);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toMatch(/gave up after 0\.001 s \(--timeout\)/);
  });

  it('counts a batch as small (run on the main thread by default) below 16 inputs and 4 MiB', () => {
    const dir = tempDir();
    const names = Array.from({ length: 16 }, (_, i) => join(dir, `${i}.md`));
    for (const name of names) copyFileSync(sample, name);
    const small = (list: string[]) => isSmallBatch(list.length, inputBytes(list));
    expect(small(names.slice(0, 15))).toBe(true);
    expect(small(names)).toBe(false);
    writeFileSync(join(dir, 'big.html'), Buffer.alloc(4 * 2 ** 20, 'a'));
    expect(small([names[0]!, join(dir, 'big.html')])).toBe(false);
    // stdin and inputs that cannot be read count as small; they fail, if at all, on their own.
    expect(small(['-', join(dir, 'missing.md'), names[0]!])).toBe(true);
  });

  it('runs even a few small inputs on workers when a --timeout is given (only workers can keep one)', () => {
    const dir = tempDir();
    for (const name of ['a.md', 'b.md']) copyFileSync(sample, join(dir, name));
    const r = run(['-q', '-f', 'ndjson', '--timeout', '0.001', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gave up after 0\.001 s/);
    expect(run(['-q', '-f', 'ndjson', dir]).stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('gives a job that waited behind a timed-out one in the same worker to another worker, not a failure', () => {
    // Each worker holds a second job while it runs one; the slow input's worker is replaced, and
    // the job it held must still run.
    const dir = tempDir();
    writeFileSync(join(dir, '000-slow.html'), '<p>' + 'word <b>bold</b> '.repeat(600_000) + '</p>');
    for (let i = 1; i <= 6; i++) copyFileSync(sample, join(dir, `00${i}-fast.md`));
    const r = run(['-q', '-f', 'ndjson', '-j', '2', '--timeout', '1', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`feedclean: ${join(dir, '000-slow.html')}: gave up after 1 s (--timeout)\n`);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).source.input),
    ).toEqual([1, 2, 3, 4, 5, 6].map((i) => join(dir, `00${i}-fast.md`)));
  });

  it('mirrors the input tree with --keep-dirs and never reads its own output directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', '2023', 'zh'), { recursive: true });
    copyFileSync(sample, join(dir, 'in', '2023', 'zh', 'a.md'));
    copyFileSync(join(fixturesDir, 'dump', 'bbc-english', 'input.md'), join(dir, 'in', 'b.md'));
    const out = join(dir, 'in', 'clean');
    expect(run(['-q', '-o', out, '--keep-dirs', join(dir, 'in')]).code).toBe(0);
    const written = walk(out).map((p) => relative(out, p));
    expect(written).toHaveLength(2);
    expect(written).toContain('2023/zh/2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md');
    expect(written.filter((p) => /^[^/]+\.md$/.test(p))).toHaveLength(1);
    // Run again: the outputs inside the input tree are not taken as inputs, existing ones are kept.
    const again = run(['-o', out, '--keep-dirs', join(dir, 'in')]);
    expect(again.stderr.trimEnd().split('\n').at(-1)).toMatch(/^feedclean: 2 items from 2 inputs in .*, 2 already written/);
  });

  it('never writes over an input', () => {
    const dir = tempDir();
    const input = join(dir, '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md');
    copyFileSync(sample, input);
    const r = run(['-q', '--force', '-o', dir, input]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`feedclean: ${input}: ${input} is an input; not overwriting it\n`);
    expect(readFileSync(input)).toEqual(readFileSync(sample));
  });

  it('never writes over an input reached through a symbolic link, nor into an input directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    const name = '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md';
    copyFileSync(sample, join(dir, 'data', name));
    symlinkSync(join(dir, 'data'), join(dir, 'link'));
    const r = run(['-q', '--force', '-o', join(dir, 'data'), join(dir, 'link', name)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is an input; not overwriting it');
    expect(readFileSync(join(dir, 'data', name))).toEqual(readFileSync(sample));
    expect(run(['-o', join(dir, 'link'), join(dir, 'data')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is also an input directory'),
    });
  });

  it('re-run over a grown archive writes the new items and duplicates none', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    // Two captures of one article: same title and date, different bodies.
    const capture = readFileSync(sample, 'utf8');
    writeFileSync(join(dir, 'in', 'b.md'), capture);
    const out = join(dir, 'out');
    expect(run(['-q', '-o', out, join(dir, 'in')]).code).toBe(0);
    writeFileSync(join(dir, 'in', 'a.md'), capture.replace('</p>', '<b>A LATER EDIT</b></p>'));
    const again = run(['-o', out, join(dir, 'in')]);
    expect(again.stderr).toMatch(/2 items from 2 inputs in .*, 1 already written/);
    const texts = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'));
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t.includes('A LATER EDIT'))).toHaveLength(1);
  });

  it('reads files whose names are not UTF-8, found in directories or listed, and names them readably', () => {
    const dir = tempDir();
    const bytes = (name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);
    // Latin-1 "café.md", and an empty file named with bytes no encoding would give.
    writeFileSync(bytes('caf\xe9.md'), readFileSync(sample));
    writeFileSync(bytes('vide-\xff\xfe.md'), '');
    const walked = run(['-f', 'ndjson', '-j', '2', '--timeout', '60', dir]);
    expect(walked.code).toBe(1);
    expect(JSON.parse(walked.stdout).source.input).toBe(`${dir}/caf\\xE9.md`);
    expect(walked.stderr.split('\n')[0]).toBe(`feedclean: ${dir}/vide-\\xFF\\xFE.md: input is empty`);
    // Listed with --files-from (NUL-separated and by lines), inline this time.
    const out = join(dir, 'out');
    const list = join(dir, 'list');
    for (const [separator, args] of [
      ['\0', ['-0']],
      ['\n', []],
    ] as const) {
      writeFileSync(list, Buffer.concat([bytes('caf\xe9.md'), Buffer.from(separator)]));
      expect(run(['-q', '--force', ...args, '--files-from', list, '-o', out])).toMatchObject({ code: 0, stderr: '' });
    }
    expect(readdirSync(out)).toEqual(['2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md']);
  });

  it('takes --include/--exclude globs in directories', () => {
    const dir = mixedBatch(1);
    mkdirSync(join(dir, 'drafts'));
    copyFileSync(sample, join(dir, 'drafts', 'draft.md'));
    copyFileSync(sample, join(dir, 'item.dump'));
    const names = (args: string[]) =>
      run(['-q', '-f', 'ndjson', ...args, dir])
        .stdout.trimEnd()
        .split('\n')
        .map((l) => relative(dir, JSON.parse(l).source.input));
    expect(new Set(names([]))).toContain('drafts/draft.md');
    expect(names([]).some((n) => n.endsWith('.dump'))).toBe(false);
    const only = names(['--include', '*.{dump,xml}', '--exclude', 'drafts']);
    expect(only.every((n) => /\.(dump|xml)$/.test(n))).toBe(true);
    expect(only).toContain('item.dump');
    expect(names(['--exclude', 'drafts', '--exclude', '*.xml']).some((n) => n.startsWith('drafts/') || n.endsWith('.xml'))).toBe(false);
  });

  it('reads --files-from lists with odd names: spaces, Unicode, newlines with -0, and from stdin', () => {
    const dir = tempDir();
    const odd = ['with space.md', '中文 名字.md', 'new\nline.md'].map((n) => join(dir, n));
    for (const name of odd) copyFileSync(sample, name);
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${odd[0]}\n${odd[1]}\n\n`);
    const byLine = run(['-q', '-f', 'ndjson', '--files-from', list]);
    expect(byLine.code).toBe(0);
    expect(
      byLine.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).source.input),
    ).toEqual(odd.slice(0, 2));
    const byNul = run(['-q', '-f', 'ndjson', '--files-from', '-', '-0'], `${odd.join('\0')}\0`);
    expect(byNul.code).toBe(0);
    expect(
      byNul.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).source.input),
    ).toEqual(odd);
    const missing = run(['-q', '--files-from', join(dir, 'nope.txt')]);
    expect(missing).toMatchObject({
      code: 1,
      stderr: `feedclean: ${join(dir, 'nope.txt')}: cannot read the list of inputs: no such file or directory\n`,
    });
    expect(run(['-', '--files-from', '-'])).toMatchObject({ code: 2 });
  });

  it('streams NDJSON in and out: names, line numbers, errors as JSON lines, exit 1', () => {
    const dump = readFileSync(sample, 'utf8');
    const lines = [
      JSON.stringify({ name: 'first', content: dump }),
      'not json',
      JSON.stringify({ content: dump }),
      JSON.stringify({ name: 'empty', content: '' }),
    ].join('\n');
    for (const jobs of ['1', '2']) {
      const r = run(['--input-format', 'ndjson', '-f', 'ndjson', '-j', jobs], `${lines}\n`);
      expect(r.code).toBe(1);
      expect(
        r.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).source.input),
      ).toEqual(['first', '-:3']);
      expect(
        r.stderr
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([
        { name: '-:2', error: 'line is not JSON' },
        { name: 'empty', error: 'input is empty' },
      ]);
    }
  });

  it('interrupted by a signal leaves only complete files, says how far it got, and a re-run finishes', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (let i = 0; i < 600; i++) copyFileSync(sample, join(inputs, `${String(i).padStart(4, '0')}.md`));
    const out = join(dir, 'out');
    const expected = run(['-q', '--no-front-matter', sample]).stdout;
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const child = spawn(process.execPath, [bin, '--no-front-matter', '-j', '2', '-o', out, inputs], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (b) => (stderr += b));
      // Kill it once it has written something, while it is still writing.
      while (!existsSync(out) || readdirSync(out).filter((f) => f.endsWith('.md')).length < 20) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      const code = await new Promise((r) => child.on('close', (c, s) => r(c ?? s)));
      if (signal === 'SIGTERM') {
        expect(code).toBe(143);
        expect(stderr).toMatch(
          /^feedclean: interrupted after [\d,]+ of 600 inputs \(.*\); every output written is whole; run the same command again to do the rest\n$/,
        );
        expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
      }
      // Every file there is whole.
      for (const f of readdirSync(out).filter((n) => n.endsWith('.md'))) expect(readFileSync(join(out, f), 'utf8')).toBe(expected);
    }
    const rest = run(['--no-front-matter', '-o', out, inputs]);
    expect(rest.code).toBe(0);
    expect(rest.stderr).toMatch(/^feedclean: 600 items from 600 inputs in .*, [\d,]+ already written \(kept; --force rewrites\)\n$/);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(600);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // the killed run's temporary file is gone too
  }, 60_000);

  it('hears Ctrl-C in a small batch run on the main thread, even inside a feed of many items', async () => {
    // Two feeds of 3,000 entries: a small batch (run on this thread), each feed seconds of work.
    const dir = tempDir();
    const entries = Array.from(
      { length: 3000 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://example.com/${i}</link><description>&lt;p&gt;Text ${i}.&lt;/p&gt;</description></item>`,
    ).join('');
    for (const name of ['a.xml', 'b.xml'])
      writeFileSync(join(dir, name), `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${entries}</channel></rss>`);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [bin, '-o', out, join(dir, 'a.xml'), join(dir, 'b.xml')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    while (!existsSync(out) || readdirSync(out).length < 50) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^feedclean: interrupted after [12] of 2 inputs/);
    expect(readdirSync(out).length).toBeLessThan(6000);
  }, 60_000);

  it('still writes a whole JSON Feed document with -f jsonfeed when interrupted', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'later.md');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [bin, '-f', 'jsonfeed', sample, fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const closed = new Promise((r) => child.on('close', (c) => r(c)));
    // Opening the FIFO to write returns once the run has opened it to read: the sample is before it.
    const writer = await open(fifo, 'w');
    child.kill('SIGTERM');
    const code = await closed;
    await writer.close();
    expect(code).toBe(143);
    expect(stderr).toMatch(/^feedclean: interrupted after [01] of 2 inputs/);
    const feed = JSON.parse(stdout);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.length).toBeLessThanOrEqual(1);
  }, 60_000);

  // CI installs GNU parallel and sets FEEDCLEAN_REQUIRE_PARALLEL, so there this never skips.
  it('stops a stream whose writer is still open when killed, saying so as a JSON line', async () => {
    const line = `${JSON.stringify({ content: readFileSync(sample, 'utf8') })}\n`;
    const child = spawn(process.execPath, [bin, '--input-format', 'ndjson', '-f', 'ndjson'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.stdin.write(line.repeat(5)); // and the pipe stays open
    while (stdout.split('\n').length < 6) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(143);
    expect(JSON.parse(stderr)).toEqual({ interrupted: 'SIGTERM', inputs: 5, items: 5, failed: 0 });
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
  }, 30_000);

  const hasParallel =
    spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0 || process.env.FEEDCLEAN_REQUIRE_PARALLEL === '1';
  it.skipIf(!hasParallel)(
    'works as a GNU parallel --pipe filter: every item comes out exactly once',
    () => {
      const dir = mixedBatch(12);
      const ndjson = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'dumps-to-ndjson.mjs'), dir], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
      });
      expect(ndjson.status).toBe(0);
      const count = ndjson.stdout.trimEnd().split('\n').length;
      const r = spawnSync(
        'parallel',
        ['--will-cite', '--pipe', '-N', '200', process.execPath, bin, '--input-format', 'ndjson', '-f', 'ndjson'],
        {
          input: ndjson.stdout,
          encoding: 'utf8',
          maxBuffer: 256 << 20,
        },
      );
      // stderr carries only the fixtures' warnings, as JSON lines; no input failed.
      for (const line of r.stderr.split('\n').filter(Boolean)) expect(Object.keys(JSON.parse(line))).toEqual(['name', 'warning']);
      expect(r.status).toBe(0);
      const names = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).source.input as string);
      const perInput = new Map<string, number>();
      for (const n of names) perInput.set(n, (perInput.get(n) ?? 0) + 1);
      // Feeds give several items per input; each input's items appear once each, none lost or doubled.
      const direct = run(['-q', '-f', 'ndjson', dir])
        .stdout.trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).source.input as string);
      const expected = new Map<string, number>();
      for (const n of direct) expected.set(n, (expected.get(n) ?? 0) + 1);
      expect(perInput).toEqual(expected);
      expect(perInput.size).toBe(count);
    },
    120_000,
  );
});
