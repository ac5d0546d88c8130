/**
 * argv → what to do, without touching anything: the options parsed and checked against each other,
 * help and version texts, and usage errors as data. execute.ts does the plan; main.ts joins the two.
 */
import { CommanderError } from 'commander';
import { buildProgram, type CliOptions } from './program.js';
import { version } from './version.js';

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;
/** The output could not be written (sysexits' EX_IOERR). */
export const EXIT_OUTPUT = 74;

/** What the environment contributes to a plan (only what changes a decision). */
export interface PlanEnv {
  /** Is stdin a terminal (then "no input" is a mistake, not an empty pipe)? */
  stdinIsTTY: boolean;
}

/** The run, as the command line asks for it. */
export interface RunPlan {
  kind: 'run';
  /** Input names as given (files, directories, `-`). */
  operands: string[];
  options: CliOptions;
}

/** `feedclean rules`: list the packs (with those of --rules). */
export interface RulesPlan {
  kind: 'rules';
  options: CliOptions;
}

/** Nothing to run: help or version asked for (text for stdout), or a usage error (for stderr). */
export interface ExitPlan {
  kind: 'exit';
  code: number;
  stdout: string;
  stderr: string;
}

/** `feedclean learn INPUTS…`: a rules file learned from the inputs, on stdout. */
export interface LearnPlan {
  kind: 'learn';
  operands: string[];
  options: CliOptions;
}

export type Plan = RunPlan | RulesPlan | LearnPlan | ExitPlan;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** A usage error as the plan says it: one line, pointing at --help. */
export function usageError(message: string): ExitPlan {
  return { kind: 'exit', code: EXIT_USAGE, stdout: '', stderr: `feedclean: ${oneLine(message)} (see feedclean --help)\n` };
}

/** What is wrong with this combination of options, or null. */
function usageProblem(operands: readonly string[], o: CliOptions, env: PlanEnv): string | null {
  const stdinUses = operands.filter((i) => i === '-').length + (o.filesFrom === '-' ? 1 : 0);
  if (o.output === '') return '-o needs a directory name';
  if (o.force && o.output === undefined) return '--force only applies with -o';
  if (o.keepDirs && o.output === undefined) return '--keep-dirs only applies with -o';
  if (o.null && o.filesFrom === undefined) return '-0 only applies with --files-from';
  if (o.ascii && o.format === 'md') return '--ascii applies to JSON output (-f json, ndjson or jsonfeed)';
  if (stdinUses > 1) return 'stdin ("-") can be read only once';
  if (o.filesFrom !== undefined && o.inputFormat === 'ndjson') return '--files-from and --input-format ndjson do not mix';
  if (operands[0] === 'rules' && operands.length > 1) {
    return '"feedclean rules" lists the rule packs and takes no inputs (a file named rules: ./rules)';
  }
  const learning = operands[0] === 'learn';
  if ((o.minShare !== undefined || o.minItems !== undefined) && !learning)
    return '--min-share and --min-items only apply to "feedclean learn"';
  if (learning && (o.output !== undefined || o.explain))
    return '"feedclean learn" writes a rules file to stdout: -o and --explain do not apply';
  if (learning && operands.length === 1 && o.filesFrom === undefined && env.stdinIsTTY) {
    return '"feedclean learn" needs inputs: files or directories (a file named learn: ./learn)';
  }
  if (operands.length === 0 && o.filesFrom === undefined && env.stdinIsTTY) {
    return 'no input: give files or directories, or pipe an item into stdin';
  }
  return null;
}

export function planRun(argv: readonly string[], env: PlanEnv): Plan {
  let stdout = '';
  let stderr = '';
  const program = buildProgram(version);
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => (stdout += s),
    writeErr: (s) => (stderr += s),
    outputError: (s, write) => write(`feedclean: ${oneLine(s.replace(/^error:\s*/, ''))} (see feedclean --help)\n`),
  });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const shown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    return { kind: 'exit', code: shown ? EXIT_OK : EXIT_USAGE, stdout, stderr };
  }
  const operands = program.args;
  const options = program.opts<CliOptions>();
  const problem = usageProblem(operands, options, env);
  if (problem) return usageError(problem);
  if (operands[0] === 'learn') return { kind: 'learn', operands: operands.slice(1), options };
  if (operands.length === 1 && operands[0] === 'rules' && options.filesFrom === undefined) return { kind: 'rules', options };
  return { kind: 'run', operands, options };
}
