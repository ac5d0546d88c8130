/**
 * Stands in for node:child_process in the bundled bin: commander loads it only to run executable
 * subcommands, which feedclean does not have; loading it (with net and dgram) costs every run.
 */
export function spawn(): never {
  throw new Error('internal: feedclean has no executable subcommands');
}
export function execFileSync(): never {
  throw new Error('internal: feedclean has no executable subcommands');
}
export default { spawn, execFileSync };
