/**
 * The README's table of what a pack can hold, derived from the kinds' declarations (as the schema
 * is): `npm run schema` writes it between the README's markers, and a test fails when it is stale.
 */
import { RULE_KINDS } from './kinds.js';

export const KINDS_TABLE_START = '<!-- rule kinds: written by npm run schema from src/rules/kinds.ts -->';
export const KINDS_TABLE_END = '<!-- end of rule kinds -->';

/** Pack fields that are facts about the source rather than rules (src/rules/types.ts). */
const HEADER_FIELDS: ReadonlyArray<[string, string]> = [['timeZone', "IANA zone of the source's zone-less local times"]];

export function kindsTable(): string {
  const rows = [...Object.values(RULE_KINDS).map((kind) => [kind.field, kind.doc] as const), ...HEADER_FIELDS].map(
    ([field, doc]) => `| \`${field}\` | ${doc.replace(/\|/g, '\\|')} |`,
  );
  return [KINDS_TABLE_START, '| field | what it does |', '| --- | --- |', ...rows, KINDS_TABLE_END].join('\n');
}
