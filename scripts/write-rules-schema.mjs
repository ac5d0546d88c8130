#!/usr/bin/env node
// Writes schema/rules.schema.json from the rule kinds' declarations (src/rules/schema.ts), for
// editors that complete and check rules files. `npm run schema`; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { rulesSchema } = await import('../dist/rules/schema.js');
const out = fileURLToPath(new URL('../schema/rules.schema.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(rulesSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
