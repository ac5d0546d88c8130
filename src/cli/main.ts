/** argv → exit code: the command line planned (plan.ts, pure), then carried out (execute.ts). */
import { execute, type CliIO } from './execute.js';
import { planRun } from './plan.js';

export type { CliIO } from './execute.js';
export { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE } from './plan.js';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  return execute(planRun(argv, { stdinIsTTY: io.stdin.isTTY === true }), io);
}
