import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE, planRun } from '../../src/cli/plan.js';

const notTTY = { stdinIsTTY: false };

describe('planRun', () => {
  it('plans a run with the options parsed and defaults filled in', () => {
    const plan = planRun(['-f', 'json', '-j', '3', 'a.md', 'dir/'], notTTY);
    expect(plan.kind).toBe('run');
    if (plan.kind !== 'run') return;
    expect(plan.operands).toEqual(['a.md', 'dir/']);
    expect(plan.options).toMatchObject({ format: 'json', jobs: 3, frontMatter: true, gallery: true, inputFormat: 'auto', rules: [] });
    expect(plan.options.timeout).toBeUndefined();
  });

  it('gives help and version as text to print, with exit 0, and touches nothing', () => {
    const help = planRun(['--help'], notTTY);
    expect(help).toMatchObject({ kind: 'exit', code: EXIT_OK, stderr: '' });
    expect(help.kind === 'exit' && help.stdout).toContain('Usage: feedclean');
    const version = planRun(['-V'], notTTY);
    expect(version.kind === 'exit' && version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['--force', 'a.md'], '--force only applies with -o'],
    [['--keep-dirs', 'a.md'], '--keep-dirs only applies with -o'],
    [['-0', 'a.md'], '-0 only applies with --files-from'],
    [['--ascii', 'a.md'], '--ascii applies to JSON output (-f json, ndjson or jsonfeed)'],
    [['-', '-'], 'stdin ("-") can be read only once'],
    [['--files-from', 'list', '--input-format', 'ndjson'], '--files-from and --input-format ndjson do not mix'],
    [['rules', 'a.md'], '"feedclean rules" lists the rule packs and takes no inputs'],
    [['-j', '0', 'a.md'], '--jobs must be a whole number from 1 to 256'],
    [['--timeout', 'soon', 'a.md'], '--timeout is a number of seconds'],
    [['-f', 'pdf', 'a.md'], "'pdf' is invalid"],
  ])('refuses %j with one line and exit 2', (argv, message) => {
    const plan = planRun(argv, notTTY);
    expect(plan.kind).toBe('exit');
    if (plan.kind !== 'exit') return;
    expect(plan.code).toBe(EXIT_USAGE);
    expect(plan.stderr).toContain(message);
    expect(plan.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(plan.stderr).toMatch(/^feedclean: .*\(see feedclean --help\)\n$/);
  });

  it('asks for an input only when stdin is a terminal (a pipe may carry one)', () => {
    expect(planRun([], { stdinIsTTY: true })).toMatchObject({ kind: 'exit', code: EXIT_USAGE });
    expect(planRun([], notTTY)).toMatchObject({ kind: 'run', operands: [] });
    expect(planRun(['--files-from', 'list'], { stdinIsTTY: true })).toMatchObject({ kind: 'run' });
  });

  it('reads "rules" alone as the rules listing, and ./rules as an input', () => {
    expect(planRun(['rules', '-f', 'json'], notTTY)).toMatchObject({ kind: 'rules', options: { format: 'json' } });
    expect(planRun(['./rules'], notTTY)).toMatchObject({ kind: 'run', operands: ['./rules'] });
  });
});
