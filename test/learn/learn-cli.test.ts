/**
 * The documented workflow through the built CLI (`npm test` builds first):
 * `feedclean learn archive/ > learned.yaml`, then `feedclean --rules learned.yaml -o clean/ archive/`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');

function run(args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'feedclean-learn-'));
  cpSync(join(fixturesDir, 'learn', 'archive'), join(dir, 'archive'), { recursive: true });
  return dir;
}

// Each test starts several CLI processes: on a loaded machine that takes a while (no timing is asserted).
const SLOW = 120_000;

describe('feedclean learn', () => {
  it(
    'learns a rules file from an archive, and cleaning with it removes what it names, saying so under --explain',
    () => {
      const dir = workspace();
      const learned = run(['learn', 'archive/'], dir);
      expect(learned.code).toBe(0);
      expect(learned.stderr).toBe('feedclean: learned 4 rules for 2 of 2 sources from 14 items (15 inputs)\n');
      expect(learned.stdout).toMatch(/^# Learned by feedclean learn from 14 items of 2 sources\n/);
      writeFileSync(join(dir, 'learned.yaml'), learned.stdout);
      // The same archive gives the same file, byte for byte, and --files-from reads it as well.
      expect(run(['learn', '-q', 'archive'], dir).stdout).toBe(learned.stdout);
      const names = readdirSync(join(dir, 'archive'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.md'));
      const list = names.map((n) => `archive/${n}`).join('\n');
      expect(run(['learn', '-q', '--files-from', '-'], dir, list).stdout).toBe(learned.stdout);

      const cleaned = run(['--rules', 'learned.yaml', '-q', '-o', 'clean/', 'archive/'], dir);
      // Only the byline times' zone is said (the Harbour Ledger writes none; nothing learns it).
      expect(cleaned.stderr.split('\n').filter((l) => l && !l.includes('names no time zone'))).toEqual([]);
      expect(cleaned.code).toBe(0);
      const outputs = readdirSync(join(dir, 'clean')).map((f) => readFileSync(join(dir, 'clean', f), 'utf8'));
      expect(outputs).toHaveLength(15);
      for (const doc of outputs) expect(doc).not.toMatch(/waterfront since|almanac at any kiosk|ledger-weekly/);
      expect(outputs.filter((doc) => doc.includes('Translator:'))).toHaveLength(9); // content stays

      const explained = run(['--rules', 'learned.yaml', '--explain', '-q', 'archive/harbour-ledger/'], dir);
      expect(explained.code).toBe(0);
      expect(explained.stderr).toContain(
        'explain: "Storm damages the marina": learned.www.harbourledger.example/learned.www.harbourledger.example.1 removed: Harbour Ledger: news from the waterfront since 1898',
      );
      expect(explained.stderr).toContain(
        'learned.www.harbourledger.example/learned.www.harbourledger.example.2 removed: Read the 2023 Harbour Ledger almanac',
      );
      expect(explained.stderr).toContain(
        'learned.www.harbourledger.example/decorative-image removed: image https://harbourledger.example/static/ledger-weekly.png',
      );
    },
    SLOW,
  );

  it(
    'takes --min-share and --min-items, and refuses them without learn',
    () => {
      const dir = workspace();
      const strict = run(['learn', '-q', '--min-share', '1', 'archive'], dir);
      expect(strict.code).toBe(0);
      expect(strict.stdout).toContain(`"^Harbour Ledger: news from the waterfront since 1898$"`);
      expect(strict.stdout).not.toContain('almanac'); // 7 of 8 items
      const loose = run(['learn', '-q', '--min-items', '2', '--min-share', '0.2', 'archive'], dir);
      expect(loose.stdout).toContain('"^The port office says more news will follow next week\\\\.$"'); // 3 of 6 items
      expect(run(['learn', '-q', 'archive'], dir).stdout).not.toContain('The port office');
      expect(run(['--min-share', '0.5', 'archive'], dir)).toMatchObject({ code: 2, stdout: '' });
      expect(run(['learn', '--min-share', '0', 'archive'], dir).stderr).toMatch(/^feedclean: .*--min-share is a share above 0/);
      expect(run(['learn', '-o', 'out', 'archive'], dir).code).toBe(2);
    },
    SLOW,
  );

  it(
    'names an input it cannot read and learns from the rest (exit 1)',
    () => {
      const dir = workspace();
      writeFileSync(join(dir, 'archive', 'empty.md'), '');
      const r = run(['learn', 'archive'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^feedclean: archive\/empty\.md: input is empty\n/);
      expect(r.stdout).toContain('learned.www.harbourledger.example.1');
    },
    SLOW,
  );

  it(
    '--no-site-packs leaves the built-in site packs out of a clean run',
    () => {
      const dw = join(fixturesDir, 'dump', 'dw-sample', 'input.md');
      const withPacks = run(['--explain', '-f', 'json', dw], repoRoot);
      const without = run(['--explain', '-f', 'json', '--no-site-packs', dw], repoRoot);
      const packsOf = (out: string) =>
        new Set((JSON.parse(out) as Array<{ explain: Array<{ pack: string }> }>)[0]!.explain.map((e) => e.pack));
      expect(packsOf(withPacks.stdout).has('dw')).toBe(true);
      expect(packsOf(without.stdout).has('dw')).toBe(false);
      expect(packsOf(without.stdout).has('feedx')).toBe(true);
    },
    SLOW,
  );
});
