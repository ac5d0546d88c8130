/** `--base URL` through the built CLI (`npm test` builds first). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const input = join(fixturesDir, 'dump', 'html-relative-unresolved', 'input.html');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--base', () => {
  it('resolves the relative URLs of bare HTML; without it they are left out with a warning naming them', () => {
    const based = run(['-f', 'json', '--base', 'https://artweekend.example/2023/open-studios', input]);
    expect(based.code).toBe(0);
    const [item] = JSON.parse(based.stdout);
    expect(item.url).toBe('https://artweekend.example/2023/open-studios');
    expect(item.markdown).toContain('[The programme](https://artweekend.example/programme)');
    const bare = run([input]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('warning: relative URLs "/programme", "images/studio-map.png" left out');
  });

  it('is a usage error when not an absolute web address', () => {
    // Also an address that starts like one but no URL parser reads (the library would refuse each input).
    for (const base of ['programme', 'http://[::1', 'http://a b/', 'http://%zz/']) {
      const { code, stdout, stderr } = run(['--base', base, input]);
      expect(code, base).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('--base must be an absolute http(s) URL');
    }
  });
});
