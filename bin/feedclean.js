#!/usr/bin/env node
// Shim: run the CLI and set the exit code. A closed pipe (`feedclean … | head`) ends quietly.
import { main } from '../dist/cli/main.js';

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  onFailure: () => {
    process.exitCode = 1;
  },
});
