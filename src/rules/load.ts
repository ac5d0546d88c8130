/**
 * User rule packs: a JSON or YAML file in the shape of the built-in packs, checked against
 * `schema/rules.schema.json` and compiled (patterns through the linear-time engine, selectors,
 * templates, zones) before any input is read. Every problem is reported as one RULE_ERROR naming
 * the file, the place in it (a JSON pointer such as `/dropText/0/pattern`) and what is wrong.
 *
 * The YAML parser and the schema validator load only when a rules file is given.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import type * as YamlType from 'yaml';
import { builtInPacks, ruleIdsByKind } from './index.js';
import { compilePack, ruleError } from './compile-pack.js';
import { RULE_KINDS } from './kinds.js';
import { rulesSchema } from './schema.js';
import type { PackSource, RulePack } from './types.js';

const require = createRequire(import.meta.url);

/** Rules files are hand-written: a megabyte is thousands of rules, and YAML parsing is not free. */
export const MAX_RULES_CHARS = 2 ** 20;

let validatePack: ValidateFunction | null = null;

function packValidator(): ValidateFunction {
  if (!validatePack) {
    const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
    const schema = rulesSchema();
    // All errors, so that the one reported can be the most telling (see firstProblem).
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addSchema(schema);
    validatePack = ajv.getSchema(`${schema.$id as string}#/definitions/pack`)!;
  }
  return validatePack;
}

type Json = Record<string, unknown>;

/** What ajv found, in words for someone editing the file. */
function describe(error: ErrorObject): { pointer: string; message: string } {
  const pointer = error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { pointer, message: `unknown field "${String(p.additionalProperty)}"` };
    case 'required':
      return {
        pointer,
        message: `missing field "${String(p.missingProperty)}"${p.missingProperty === 'hosts' ? ' (a site pack applies to items from its hosts)' : ''}`,
      };
    case 'enum':
      return { pointer, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'pattern':
      return {
        pointer,
        message: pointer.endsWith('/id')
          ? 'an id is lower-case letters, digits, ".", "_" and "-" (64 at most)'
          : `is not well formed (must match ${String(p.pattern)})`,
      };
    default:
      return { pointer, message: error.message ?? 'is not valid' };
  }
}

/**
 * The error to report: an unknown field before anything else (a misspelt `patern` is why
 * `pattern` is missing), then the deepest, which says most precisely where the problem is.
 */
function firstProblem(errors: readonly ErrorObject[]): ErrorObject {
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknown) return unknown;
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const telling = errors.filter((e) => e.keyword !== 'if');
  return (telling.length ? telling : errors).reduce((best, e) => (depth(e) > depth(best) ? e : best));
}

/** Parses the text of a rules file: JSON when it is named `.json`, YAML otherwise. */
function parseRulesText(text: string, file: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw ruleError(file, '', `not valid JSON: ${(error as Error).message}`);
    }
  }
  const yaml = require('yaml') as typeof YamlType;
  // logLevel: YAML's own warnings would go to stderr as Node warnings; problems are reported here.
  // uniqueKeys off: the parser compares each key with every earlier one of its map, which takes
  // minutes for a file of 95,000 keys; checkKeys does it with a set, and bounds their number.
  checkStructureCount(text, file);
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { uniqueKeys: false, prettyErrors: true, logLevel: 'error', lineCounter });
  const problem = doc.errors[0];
  if (problem) throw ruleError(file, '', `not valid YAML: ${problem.message.split('\n')[0]!.replace(/:$/, '')}`);
  checkKeys(doc, yaml, lineCounter, file);
  try {
    // Aliases are bounded: a "billion laughs" of nested aliases is refused, not expanded.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw ruleError(file, '', `not usable YAML: ${(error as Error).message}`);
  }
}

/** The most keys a rules file may hold, in all its maps: thousands of rules, each a handful of fields. */
export const MAX_RULES_KEYS = 20_000;

const tooManyKeys = (file: string) =>
  ruleError(
    file,
    '',
    `the rules file has too many keys or list items (more than ${MAX_RULES_KEYS.toLocaleString('en-US')}; split it into several files)`,
  );

// What can stand after a key or between flow entries: `key: `, `key:` at a line end, `, `, `? `.
const STRUCTURE = /:(?=\s|$)|,|\?(?=\s)/g;

/**
 * Before parsing: a text with more key or entry indicators than a file may have keys is refused
 * without being parsed (the parser's work grows with the nodes it builds; 95,000 keys took seconds).
 * Items of block lists (`- x`) are not counted here; their number is bounded by the file's size.
 */
function checkStructureCount(text: string, file: string): void {
  let count = 0;
  STRUCTURE.lastIndex = 0;
  while (STRUCTURE.exec(text)) if (++count > MAX_RULES_KEYS) throw tooManyKeys(file);
}

/**
 * Every map's keys unique (as the parser's own check would say, in linear time) and at most
 * MAX_RULES_KEYS of them in the file.
 */
function checkKeys(doc: YamlType.Document, yaml: typeof YamlType, lines: YamlType.LineCounter, file: string): void {
  let keys = 0;
  yaml.visit(doc, {
    Map(_key, map) {
      keys += map.items.length;
      if (keys > MAX_RULES_KEYS) throw tooManyKeys(file);
      const seen = new Set<string>();
      for (const pair of map.items) {
        const value = yaml.isScalar(pair.key) ? pair.key.value : pair.key;
        const key = `${typeof value}:${String(value)}`;
        if (seen.has(key)) {
          const at = yaml.isNode(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]) : null;
          throw ruleError(file, '', `not valid YAML: Map keys must be unique${at ? ` at line ${at.line}, column ${at.col}` : ''}`);
        }
        seen.add(key);
      }
    },
  });
}

/** Rule ids a file repeats (an id names one rule in --explain and `feedclean rules`). */
function checkUniqueIds(packs: readonly Json[], file: string, isList: boolean, taken: readonly RulePack[]): void {
  const seen = new Map<string, string>();
  for (const pack of taken)
    for (const [, ids] of ruleIdsByKind(pack, { idsOnly: true })) for (const id of ids) seen.set(id, `pack "${pack.id}"`);
  packs.forEach((pack, p) => {
    for (const [key, kind] of Object.entries(RULE_KINDS)) {
      const value = pack[key];
      if (value === undefined || (kind.shape === 'value' && !kind.namesAreIds)) continue;
      const single = kind.shape === 'value';
      const rules = single ? [value] : (value as unknown[]);
      rules.forEach((rule, i) => {
        if (rule === null || typeof rule !== 'object' || typeof (rule as Json).id !== 'string') return;
        const id = (rule as Json).id as string;
        const pointer = `${isList ? `/${p}` : ''}/${key}${single ? '' : `/${i}`}/id`;
        const first = seen.get(id);
        if (first) throw ruleError(file, pointer, `rule id "${id}" is already used at ${first}`);
        seen.set(id, pointer);
      });
    }
  });
}

/**
 * Reads the rule packs in one file's text. `taken` holds the pack ids already in use (the built-in
 * ones and earlier files), so two packs never share an id.
 */
export function loadRulePacks(text: string, file: string, taken: readonly RulePack[] = builtInPacks): RulePack[] {
  if (text.length > MAX_RULES_CHARS)
    throw ruleError(file, '', `the rules file is too large (${(text.length / 2 ** 20).toFixed(1)} MiB; the limit is 1 MiB)`);
  if (!text.trim()) throw ruleError(file, '', 'the rules file is empty');
  const data = parseRulesText(text, file);
  const isList = Array.isArray(data);
  const raws = (isList ? data : [data]) as unknown[];
  if (isList && raws.length === 0) throw ruleError(file, '', 'the list of packs is empty');
  const validate = packValidator();
  raws.forEach((raw, i) => {
    if (!validate(raw)) {
      const { pointer, message } = describe(firstProblem(validate.errors!));
      throw ruleError(file, `${isList ? `/${i}` : ''}${pointer}`, message);
    }
  });
  checkUniqueIds(raws as Json[], file, isList, taken);
  const ids = new Set(taken.map((p) => p.id));
  return (raws as Json[]).map((raw, i) => {
    const at = isList ? `/${i}` : '';
    if (ids.has(raw.id as string)) {
      const builtIn = builtInPacks.some((p) => p.id === raw.id);
      const earlierHere = (raws as Json[]).slice(0, i).some((r) => r.id === raw.id);
      const by = builtIn ? 'a built-in pack' : earlierHere ? 'used by another pack in this file' : 'used by another rules file';
      throw ruleError(file, `${at}/id`, `pack id "${String(raw.id)}" is already ${by}; choose another`);
    }
    ids.add(raw.id as string);
    return compilePack(raw as unknown as PackSource, at, file);
  });
}

/** Reads rules files in order; the packs come back with the file they came from. */
export function loadRuleFiles(files: ReadonlyArray<{ name: string; text: string }>): RulePack[] {
  const packs: RulePack[] = [];
  for (const { name, text } of files) packs.push(...loadRulePacks(text, name, [...builtInPacks, ...packs]));
  return packs;
}
