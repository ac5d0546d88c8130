/**
 * `--rules FILE`: rules files read and checked before any input is, and `feedclean rules`: the
 * packs there are (built-in and loaded) and the rules in each, for people and (`-f json`) programs.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from './fs-async.js';
import { isFeedcleanError } from '../errors.js';
import { builtInPacks, ruleIdsByKind } from '../rules/index.js';
import type { RuleKind } from '../rules/kind.js';
import { RULE_KINDS } from '../rules/kinds.js';
import { MAX_RULES_CHARS, loadRulePacks } from '../rules/load.js';
import type { RulePack } from '../rules/types.js';
import type { Explanation } from '../types.js';
import { describeFsError } from './inputs.js';
import type { RuleFile } from './job.js';

export interface LoadedRules {
  files: RuleFile[];
  /** Each loaded pack with the file it came from. */
  packs: Array<{ pack: RulePack; file: string }>;
}

/** The file's bytes, or null when there are more than `limit` (read no further than that). */
async function readAtMost(name: string, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(name)) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads and compiles every rules file, or returns the one-line message for the first bad one. */
export async function readRuleFiles(names: readonly string[]): Promise<LoadedRules | string> {
  const loaded: LoadedRules = { files: [], packs: [] };
  const read = new Set<string>();
  for (const name of names) {
    let text: string;
    try {
      // The same file named twice is read once (its packs would clash with themselves). A pipe
      // (`--rules <(…)`) is read as named: its "real path" (/proc/…/fd/pipe:[…]) cannot be opened.
      const real = await realpath(name).catch(() => name);
      if (read.has(real)) continue;
      read.add(real);
      // A pipe's size is not known until it is read: the limit is kept while reading too.
      const bytes = (await stat(name)).size > MAX_RULES_CHARS * 4 ? null : await readAtMost(name, MAX_RULES_CHARS * 4);
      if (bytes === null) return `${name}: the rules file is too large (the limit is 1 MiB)`;
      text = bytes.toString('utf8');
    } catch (error) {
      return `${name}: cannot read the rules file: ${describeFsError(error)}`;
    }
    try {
      const packs = loadRulePacks(text, name, [...builtInPacks, ...loaded.packs.map((p) => p.pack)]);
      loaded.files.push({ name, text });
      loaded.packs.push(...packs.map((pack) => ({ pack, file: name })));
    } catch (error) {
      if (isFeedcleanError(error)) return error.message;
      throw error;
    }
  }
  return loaded;
}

/** The rule lists of a pack, by kind, as `kind → ids` (or, for kinds without ids, their values). */
function ruleIds(pack: RulePack): Record<string, string[]> {
  return Object.fromEntries(ruleIdsByKind(pack));
}

interface PackListing {
  id: string;
  kind: RulePack['kind'];
  name: string | null;
  hosts: string[];
  timeZone: string | null;
  source: string;
  rules: Record<string, string[]>;
}

/** One kind's rules in one line of the listing, as its declaration says. */
function summaryOf(field: string, names: readonly string[]): string {
  const kind = (RULE_KINDS as Record<string, RuleKind>)[field];
  return kind?.shape === 'value' && kind.summary ? kind.summary(names) : names.join(', ');
}

/** Loaded packs first: they are tried before the built-in ones. */
function listing(loaded: LoadedRules): PackListing[] {
  const all = [...loaded.packs, ...builtInPacks.map((pack) => ({ pack, file: 'built-in' }))];
  return all.map(({ pack, file }) => ({
    id: pack.id,
    kind: pack.kind,
    name: pack.name ?? null,
    hosts: [...(pack.hosts ?? [])],
    timeZone: pack.timeZone ?? null,
    source: file,
    rules: ruleIds(pack),
  }));
}

/** `feedclean rules`: text for people, or a JSON array with `-f json`/`ndjson`. */
export function renderRuleListing(loaded: LoadedRules, format: string): string {
  const packs = listing(loaded);
  if (format === 'json') return `${JSON.stringify(packs, null, 2)}\n`;
  if (format === 'ndjson') return packs.map((p) => `${JSON.stringify(p)}\n`).join('');
  return packs
    .map((p) => {
      const applies =
        p.kind === 'site'
          ? `items from ${p.hosts.join(', ')}`
          : p.kind === 'mirror'
            ? `every item; names the mirror ${p.name ?? p.id}`
            : 'every item';
      const head = `${p.id} (${p.kind}, ${p.source}): ${applies}${p.timeZone ? `; local times in ${p.timeZone}` : ''}`;
      const lines = Object.entries(p.rules).map(([field, ids]) => `  ${field.padEnd(16)} ${summaryOf(field, ids)}`);
      return [head, ...lines].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** One stderr line per thing a rule did to an item (`--explain` with Markdown output). */
export function explainLines(title: string | null, lines: readonly Explanation[]): string[] {
  const item = title ? `"${title.length > 60 ? `${title.slice(0, 59)}…` : title}": ` : '';
  return lines.map((e) => `explain: ${item}${e.pack}/${e.rule} ${e.action}: ${e.detail}`);
}
