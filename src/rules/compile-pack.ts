/**
 * A checked pack (rules file or built-in) compiled into the shape the stages read, kind by kind as
 * each kind's declaration says (rules/kinds.ts): patterns through the linear-time engine behind
 * their prefilters, selectors compiled, templates and zones checked. Every problem is a RULE_ERROR
 * naming the file and the place in it.
 */
import { isValidTimeZone } from '../dates/zone.js';
import { FeedcleanError } from '../errors.js';
import { compileSelector } from '../tree/select.js';
import { TEMPLATE_VARIABLES } from '../clean/templates.js';
import type { Compiler, RuleKind } from './kind.js';
import { RULE_KINDS, type KindField } from './kinds.js';
import { Pattern, anchored } from './pattern.js';
import type { PackSource, RulePack } from './types.js';

/** A pointer into the file (`/dropText/0/pattern`), `(top level)` for the root. */
const where = (pointer: string) => pointer || '(top level)';

export function ruleError(file: string, pointer: string, message: string): FeedcleanError {
  return new FeedcleanError('RULE_ERROR', `${file}: ${where(pointer)}: ${message}`);
}

function compilerFor(file: string): Compiler {
  const fail = (pointer: string, message: string): never => {
    throw ruleError(file, pointer, message);
  };
  return {
    fail,
    pattern(source, pointer, options = {}) {
      try {
        return new Pattern(options.anchored ? anchored(source as string) : (source as string));
      } catch (error) {
        return fail(pointer, (error as Error).message);
      }
    },
    selector(source, pointer) {
      try {
        return compileSelector(source as string);
      } catch (error) {
        return fail(pointer, (error as Error).message);
      }
    },
    // Every `{n}` must be a capture group of the pattern, every `{name}` a variable rules may use.
    template(template, pattern, pointer) {
      const text = template as string;
      if (!/^https?:\/\/[^/{]/i.test(text)) fail(pointer, 'a template is a web address: it starts with https:// or http:// and a host');
      const groups = pattern.groups;
      for (const [, key] of text.matchAll(/\{(\w+)\}/g)) {
        if (/^\d+$/.test(key!)) {
          const n = Number(key);
          if (n < 1 || n > groups) fail(pointer, `{${key}} names no capture group (the pattern has ${groups})`);
        } else if (!(TEMPLATE_VARIABLES as readonly string[]).includes(key!)) {
          fail(pointer, `{${key}} is not a template variable (use {1}… for capture groups, {lang} for the item URL's language)`);
        }
      }
      return text;
    },
  };
}

function compileKind(kind: RuleKind, value: unknown, c: Compiler, at: string): unknown {
  if (kind.shape === 'value') return kind.compile(value, c, at);
  return (value as Array<Record<string, unknown>>).map((rule, i) => kind.compile(rule, c, `${at}/${i}`));
}

/** The pack's own fields; its zone checked when asked (ICU's zone data is not free to load). */
function header(raw: PackSource, at: string, c: Compiler, checkZone: boolean): RulePack {
  const pack: { -readonly [K in keyof RulePack]: RulePack[K] } = { id: raw.id, kind: raw.kind };
  if (raw.name !== undefined) pack.name = raw.name;
  if (raw.hosts) pack.hosts = raw.hosts;
  if (raw.timeZone !== undefined) {
    if (checkZone && !isValidTimeZone(raw.timeZone))
      c.fail(`${at}/timeZone`, `unknown time zone "${raw.timeZone}" (use an IANA name such as Europe/Berlin)`);
    pack.timeZone = raw.timeZone;
  }
  return pack;
}

/** Compiles one validated pack from a rules file, every rule at once (so every mistake is found now). */
export function compilePack(raw: PackSource, at: string, file: string): RulePack {
  const c = compilerFor(file);
  const pack = header(raw, at, c, true) as unknown as Record<string, unknown>;
  for (const [field, kind] of Object.entries(RULE_KINDS) as Array<[KindField, RuleKind]>) {
    if (raw[field] !== undefined) pack[field] = compileKind(kind, raw[field], c, `${at}/${field}`);
  }
  return pack as unknown as RulePack;
}

/**
 * A built-in pack, through the same compiler, each kind compiled when a stage first reads it: a run
 * pays only for the kinds its items use (test/rules/packs.test.ts compiles every one of them).
 */
export function compileBuiltInPack(raw: PackSource): RulePack {
  const file = `built-in pack ${raw.id}`;
  const c = compilerFor(file);
  // Built-in zones are checked by the tests; a run should not load every zone to start.
  const pack = header(raw, '', c, false);
  for (const [field, kind] of Object.entries(RULE_KINDS) as Array<[KindField, RuleKind]>) {
    if (raw[field] === undefined) continue;
    Object.defineProperty(pack, field, {
      enumerable: true,
      configurable: true,
      get() {
        const value = compileKind(kind, raw[field], c, `/${field}`);
        Object.defineProperty(pack, field, { value, enumerable: true });
        return value;
      },
    });
  }
  return pack;
}
