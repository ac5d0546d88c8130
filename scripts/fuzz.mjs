#!/usr/bin/env node
// npm run fuzz [-- RUNS [SEED]]: the property tests (test/pipeline.properties.test.ts) with many
// more cases than `npm test` runs, on a fresh seed unless one is given. The seed is printed first,
// so a failure can be replayed: npm run fuzz -- 2000 <seed>.
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [RUNS] [SEED]');
  process.exit(2);
}
console.error(`fuzz: ${runs} runs per property, seed ${seed}`);
const result = spawnSync('npx', ['vitest', 'run', 'test/pipeline.properties.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
