/**
 * A rule kind, declared once beside the stage that reads it: the pack field it lives in, what it
 * does (in words), its JSON Schema, how a checked value compiles into what the stage reads, and
 * the ids it lists. The rules schema (rules/schema.ts), the compiler (rules/compile-pack.ts), the
 * `feedclean rules` listing and the README's table all derive from these declarations
 * (rules/kinds.ts lists them).
 */
import type { Pattern } from './pattern.js';
import type { Selector } from '../tree/select.js';

/** A JSON Schema (draft-07) fragment. `$ref`s name the shared definitions of rules/schema.ts. */
export type JsonSchema = Record<string, unknown>;

/** What compiling one value needs: checked pieces, and errors that name the place in the file. */
export interface Compiler {
  /** A pattern in rule syntax (the linear-time engine, inline flags); anchored at the start if asked. */
  pattern(source: unknown, pointer: string, options?: { anchored?: boolean }): Pattern;
  selector(source: unknown, pointer: string): Selector;
  /** A link template: a web address whose `{n}` are capture groups of `pattern`, `{lang}` the item's language. */
  template(template: unknown, pattern: Pattern, pointer: string): string;
  /** Throws the RULE_ERROR for this place. */
  fail(pointer: string, message: string): never;
}

/** A pack field holding a list of rules, each with its own `id`. */
export interface ListKind<Rule extends { id: string }> {
  shape: 'list';
  field: string;
  /** What a rule of this kind does, for people (schema description, `feedclean rules`, README). */
  doc: string;
  /** The schema of one rule (an object with an `id`). */
  rule: JsonSchema;
  /** A checked rule at `pointer` (`/dropText/0`) → what the stage reads. */
  compile(raw: Record<string, unknown>, c: Compiler, pointer: string): Rule;
}

/** A pack field holding one value (a byline block, a list of words). */
export interface ValueKind<Value> {
  shape: 'value';
  field: string;
  doc: string;
  schema: JsonSchema;
  compile(raw: unknown, c: Compiler, pointer: string): Value;
  /** The names `feedclean rules` lists for it (rule ids, or the values themselves). */
  names(value: Value): string[];
  /** Whether `names` are rule ids (unique, reported by --explain) or only descriptions. */
  namesAreIds: boolean;
  /** How `feedclean rules` shows the names in one line (default: joined with commas). */
  summary?(names: readonly string[]): string;
}

export type RuleKind = ListKind<{ id: string }> | ValueKind<unknown>;

/** What a kind compiles into: a list of rules, or its one value. */
export type CompiledOf<K> = K extends ListKind<infer R> ? readonly R[] : K extends ValueKind<infer V> ? V : never;

export function listKind<Rule extends { id: string }>(kind: Omit<ListKind<Rule>, 'shape'>): ListKind<Rule> {
  return { shape: 'list', ...kind };
}

export function valueKind<Value>(kind: Omit<ValueKind<Value>, 'shape'>): ValueKind<Value> {
  return { shape: 'value', ...kind };
}

/** The schema of a rule with an id and the given fields (all required but `optional`). */
export function ruleSchema(
  properties: Record<string, JsonSchema>,
  options: { optional?: string[]; description?: string } = {},
): JsonSchema {
  const optional = new Set(options.optional ?? []);
  return {
    type: 'object',
    required: ['id', ...Object.keys(properties).filter((k) => !optional.has(k))],
    additionalProperties: false,
    ...(options.description ? { description: options.description } : {}),
    properties: { id: { $ref: '#/definitions/id' }, ...properties },
  };
}
