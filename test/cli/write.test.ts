/**
 * The -o directory under pressure, through the built CLI as users run it: two runs writing one
 * directory at once (nothing lost, nothing twice), --keep-dirs subdirectories planted or swapped in
 * as links to outside (never written through), and an output that cannot be written (exit 74,
 * saying why and how far the run got).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const sample = join(fixturesDir, 'dump', 'dw-sample', 'input.md');
const tempDir = () => mkdtempSync(join(tmpdir(), 'feedclean-write-'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * `count` dumps, `Variant N` in each body, under ten titles of one date: forty items to a name, so
 * every run must choose among -2, -3 … while the other run is choosing too.
 */
function clashingDumps(dir: string, from: number, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const text = readFileSync(sample, 'utf8');
  const paths: string[] = [];
  for (let i = from; i < from + count; i++) {
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace(/^\[[^\]]*\]/, `[Same title ${i % 10}]`);
    const path = join(dir, `${String(i).padStart(4, '0')}.md`);
    writeFileSync(path, lines.join('\n').replace('</p>', `</p><p>Variant ${i}</p>`));
    paths.push(path);
  }
  return paths;
}

function runAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** How many times each variant is in the written files. */
function variantCounts(files: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    const variant = /Variant (\d+)/.exec(readFileSync(file, 'utf8'))![1]!;
    counts.set(variant, (counts.get(variant) ?? 0) + 1);
  }
  return counts;
}

describe('-o shared by two runs at once', () => {
  it('writes every item exactly once when both run over the same inputs, in opposite orders', async () => {
    const dir = tempDir();
    const inputs = clashingDumps(join(dir, 'in'), 0, 420);
    const list = join(dir, 'reversed.txt');
    writeFileSync(list, [...inputs].reverse().join('\n'));
    const out = join(dir, 'out');
    const [a, b] = await Promise.all([
      runAsync(['-q', '-o', out, join(dir, 'in')]),
      runAsync(['-q', '-j', '1', '-o', out, '--files-from', list]),
    ]);
    expect(a.code, a.stderr.slice(-400)).toBe(0);
    expect(b.code, b.stderr.slice(-400)).toBe(0);
    const files = readdirSync(out);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    const counts = variantCounts(files.map((f) => join(out, f)));
    expect(counts.size).toBe(420);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it('loses nothing when two runs over different inputs with the same names share --keep-dirs subdirectories', async () => {
    const dir = tempDir();
    for (const [tree, from] of [
      ['a', 0],
      ['b', 400],
    ] as const) {
      clashingDumps(join(dir, tree, 'x'), from, 200);
      clashingDumps(join(dir, tree, 'y', 'z'), from + 200, 200);
    }
    const out = join(dir, 'out');
    const [a, b] = await Promise.all([
      runAsync(['-q', '--keep-dirs', '-o', out, join(dir, 'a')]),
      runAsync(['-q', '--keep-dirs', '-j', '1', '-o', out, join(dir, 'b')]),
    ]);
    expect(a.code, a.stderr.slice(-400)).toBe(0);
    expect(b.code, b.stderr.slice(-400)).toBe(0);
    const files = walk(out);
    expect(files).toHaveLength(800);
    const counts = variantCounts(files);
    expect(counts.size).toBe(800);
    // Each item in the subdirectory its input came from.
    for (const file of files) {
      const variant = Number(/Variant (\d+)/.exec(readFileSync(file, 'utf8'))![1]);
      expect(file.startsWith(join(out, variant % 400 < 200 ? 'x' : join('y', 'z')))).toBe(true);
    }
  }, 120_000);
});

describe('--keep-dirs never writes through a link', () => {
  it('refuses a subdirectory planted as a link to outside, for its inputs only', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'in', 'deep', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'in', 'ok'), { recursive: true });
    writeFileSync(join(dir, 'in', 'sub', 'a.md'), readFileSync(sample));
    writeFileSync(join(dir, 'in', 'deep', 'sub', 'c.md'), readFileSync(sample));
    writeFileSync(join(dir, 'in', 'ok', 'b.md'), readFileSync(sample));
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'deep'), { recursive: true });
    symlinkSync(outside, join(out, 'sub'));
    symlinkSync(outside, join(out, 'deep', 'sub'));
    const r = spawnSync(process.execPath, [bin, '-q', '--keep-dirs', '-o', out, join(dir, 'in')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `feedclean: ${join(dir, 'in', 'deep', 'sub', 'c.md')}: cannot create output directory ${join(out, 'deep', 'sub')}: it is a symbolic link; not writing through it`,
      `feedclean: ${join(dir, 'in', 'sub', 'a.md')}: cannot create output directory ${join(out, 'sub')}: it is a symbolic link; not writing through it`,
    ]);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(out, 'ok'))).toHaveLength(1); // the others are written
  });

  it('refuses a subdirectory swapped for a link during the batch', async () => {
    const dir = tempDir();
    const sub = join(dir, 'in', 'sub');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.md'), readFileSync(sample));
    // A large input next, so the run is still busy with it when the swap is made …
    const text = readFileSync(sample, 'utf8');
    writeFileSync(
      join(sub, 'm.md'),
      text.replace('</p>', `</p>${'<p>A paragraph of the long one, and more words to it.</p>'.repeat(60_000)}`),
    );
    // … and one more after it.
    writeFileSync(join(sub, 'z.md'), text.replace('</p>', '</p><p>The last one.</p>'));
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [bin, '-q', '-j', '1', '--keep-dirs', '-o', out, join(dir, 'in')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    while (!existsSync(join(out, 'sub')) || !readdirSync(join(out, 'sub')).some((f) => f.endsWith('.md')))
      await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGSTOP'); // held still while the directory is swapped
    renameSync(join(out, 'sub'), join(dir, 'moved-away'));
    symlinkSync(outside, join(out, 'sub'));
    child.kill('SIGCONT');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const [i, name] of ['m.md', 'z.md'].entries())
      expect(lines[i]).toMatch(
        new RegExp(
          `^feedclean: ${join(sub, name)}: cannot write ${join(out, 'sub')}/[^ ]+\\.md: a directory on its way is a symbolic link; not writing through it$`,
        ),
      );
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(dir, 'moved-away'))).toHaveLength(1);
  }, 60_000);
});

/** Runs the bin as an unprivileged user when this is root (root writes through any mode bits). */
function runUnprivileged(args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  return spawnSync(command[0]!, [...command.slice(1), bin, ...args], { encoding: 'utf8' });
}

const canDropPrivileges = process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status === 0;

describe('an -o that cannot be written', () => {
  it.runIf(canDropPrivileges)('exits 74 on a read-only directory, saying so and how far the run got', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = runUnprivileged(['-o', ro, sample, sample, sample]);
    expect(r.status).toBe(74);
    expect(r.stderr).toBe(
      `feedclean: cannot write ${join(ro, '2023-09-05-金正恩將赴俄會普丁-兩人想交換什麼.md')}: permission denied; stopped after 0 of 3 inputs, 0 items written; every file written is whole\n`,
    );
    // A directory to be made inside it: permission denied too, not "no such file".
    const below = runUnprivileged(['-o', join(ro, 'a', 'b'), sample]);
    expect(below.status).toBe(74);
    expect(below.stderr).toBe(
      `feedclean: cannot create output directory ${join(ro, 'a', 'b')}: permission denied; stopped after 0 of 1 inputs, 0 items written; every file written is whole\n`,
    );
  });

  it('exits 74 when the output directory cannot be made at all, saying so once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), 'x');
    const r = spawnSync(process.execPath, [bin, '-o', join(dir, 'afile'), sample, sample, sample], { encoding: 'utf8' });
    expect(r.status).toBe(74);
    expect(r.stderr).toBe(
      `feedclean: cannot create output directory ${join(dir, 'afile')}: a file of that name exists; stopped after 0 of 3 inputs, 0 items written; every file written is whole\n`,
    );
  });
});
