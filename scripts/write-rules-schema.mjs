#!/usr/bin/env node
// Writes what derives from the rule kinds' declarations: schema/rules.schema.json (src/rules/schema.ts),
// for editors that complete and check rules files, and the README's table of pack fields
// (src/rules/kinds-table.ts). `npm run schema`; a test fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { rulesSchema } = await import('../dist/rules/schema.js');
const { kindsTable, KINDS_TABLE_START, KINDS_TABLE_END } = await import('../dist/rules/kinds-table.js');
const out = fileURLToPath(new URL('../schema/rules.schema.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(rulesSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(KINDS_TABLE_START);
const end = text.indexOf(KINDS_TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md has no rule-kinds markers (${KINDS_TABLE_START})`);
writeFileSync(readme, text.slice(0, start) + kindsTable() + text.slice(end + KINDS_TABLE_END.length));
console.log(`wrote the rule-kinds table in ${readme}`);
