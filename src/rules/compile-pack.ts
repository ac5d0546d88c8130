/**
 * One validated pack from a rules file, compiled into the shape the cleaners read: patterns through
 * the linear-time engine (safe-pattern.ts), selectors, templates and zones checked. Every problem
 * is a RULE_ERROR naming the file and the place in it.
 */
import { isValidTimeZone } from '../dates/zone.js';
import { FeedcleanError } from '../errors.js';
import { compileSelector } from '../tree/select.js';
import { compileSafePattern } from './safe-pattern.js';
import type { RulePack } from './types.js';

/** A pointer into the file (`/dropText/0/pattern`), `(top level)` for the root. */
const where = (pointer: string) => pointer || '(top level)';

export function ruleError(file: string, pointer: string, message: string): FeedcleanError {
  return new FeedcleanError('RULE_ERROR', `${file}: ${where(pointer)}: ${message}`);
}

type Json = Record<string, unknown>;

/** Compiles one validated pack into the runtime shape the cleaners read. */
export function compilePack(raw: Json, at: string, file: string): RulePack {
  const pattern = (value: unknown, pointer: string, anchored = false): RegExp => {
    try {
      return compileSafePattern(anchored ? anchor(value as string) : (value as string));
    } catch (error) {
      throw ruleError(file, pointer, (error as Error).message);
    }
  };
  const selector = (value: unknown, pointer: string): string => {
    try {
      compileSelector(value as string);
    } catch (error) {
      throw ruleError(file, pointer, (error as Error).message);
    }
    return value as string;
  };
  const list = (key: string) => ((raw[key] as Json[] | undefined) ?? []).map((rule, i) => ({ rule, at: `${at}/${key}/${i}` }));
  const pack: RulePack = { id: raw.id as string, kind: raw.kind as RulePack['kind'] };
  if (raw.name !== undefined) pack.name = raw.name as string;
  if (raw.hosts) pack.hosts = raw.hosts as string[];
  if (raw.timeZone !== undefined) pack.timeZone = checkZone(raw.timeZone as string, `${at}/timeZone`, file);
  if (raw.proxies) pack.proxies = raw.proxies as RulePack['proxies'];
  if (raw.dropSelectors)
    pack.dropSelectors = list('dropSelectors').map(({ rule, at }) => ({
      id: rule.id as string,
      selector: selector(rule.selector, `${at}/selector`),
    }));
  if (raw.dropText)
    pack.dropText = list('dropText').map(({ rule, at }) => ({ id: rule.id as string, pattern: pattern(rule.pattern, `${at}/pattern`) }));
  if (raw.dropLabels)
    pack.dropLabels = list('dropLabels').map(({ rule, at }) => ({
      id: rule.id as string,
      pattern: pattern(rule.pattern, `${at}/pattern`),
    }));
  if (raw.footers) {
    pack.footers = list('footers').map(({ rule, at }) => ({
      id: rule.id as string,
      marker: pattern(rule.marker, `${at}/marker`, true),
      linkHosts: rule.linkHosts as string[],
    }));
  }
  if (raw.relatedSections)
    pack.relatedSections = list('relatedSections').map(({ rule, at }) => ({
      id: rule.id as string,
      heading: pattern(rule.heading, `${at}/heading`),
    }));
  if (raw.rewrites) {
    pack.rewrites = list('rewrites').map(({ rule, at }) => {
      const compiled = pattern(rule.pattern, `${at}/pattern`);
      return {
        id: rule.id as string,
        selector: selector(rule.selector, `${at}/selector`),
        pattern: compiled,
        template: checkTemplate(rule.template as string, compiled, `${at}/template`, file),
        ...(rule.related !== undefined ? { related: rule.related as boolean } : {}),
      };
    });
  }
  if (raw.captions) pack.captions = raw.captions as RulePack['captions'];
  if (raw.embeds) {
    pack.embeds = list('embeds').map(({ rule, at }) => {
      selector(rule.selector, `${at}/selector`);
      ((rule.containers as string[] | undefined) ?? []).forEach((c, i) => selector(c, `${at}/containers/${i}`));
      return rule as unknown as NonNullable<RulePack['embeds']>[number];
    });
  }
  if (raw.embedLinks) {
    pack.embedLinks = list('embedLinks').map(({ rule, at }) => {
      const compiled = pattern(rule.pattern, `${at}/pattern`);
      return {
        id: rule.id as string,
        pattern: compiled,
        template: checkTemplate(rule.template as string, compiled, `${at}/template`, file),
      };
    });
  }
  if (raw.decorativeImages)
    pack.decorativeImages = (raw.decorativeImages as string[]).map((p, i) => pattern(p, `${at}/decorativeImages/${i}`));
  if (raw.galleryLabels) pack.galleryLabels = raw.galleryLabels as string[];
  if (raw.byline) {
    const b = raw.byline as Json;
    pack.byline = {
      id: b.id as string,
      block: b.block as string,
      inner: b.inner as string,
      authorSeparators:
        b.authorSeparators !== undefined ? pattern(b.authorSeparators, `${at}/byline/authorSeparators`) : DEFAULT_AUTHOR_SEPARATORS,
      ...(b.authorPrefix !== undefined ? { authorPrefix: pattern(b.authorPrefix, `${at}/byline/authorPrefix`, true) } : {}),
      nullAuthors: (b.nullAuthors as string[] | undefined) ?? [],
      ...(b.leadDate !== undefined ? { leadDate: b.leadDate as boolean } : {}),
    };
  }
  return pack;
}

const DEFAULT_AUTHOR_SEPARATORS = /\s*[,，、;；]\s*/;

/** `(?i)foo|bar` → `(?i)^(?:foo|bar)`: markers and prefixes are matched at the start of a text. */
function anchor(source: string): string {
  const flags = /^\(\?[ims]+\)/.exec(source)?.[0] ?? '';
  return `${flags}^(?:${source.slice(flags.length)})`;
}

function checkZone(zone: string, pointer: string, file: string): string {
  if (isValidTimeZone(zone)) return zone;
  throw ruleError(file, pointer, `unknown time zone "${zone}" (use an IANA name such as Europe/Berlin)`);
}

/** Every `{n}` must be a capture group of the pattern, every `{name}` a variable rules may use. */
function checkTemplate(template: string, pattern: RegExp, pointer: string, file: string): string {
  if (!/^https?:\/\/[^/{]/i.test(template))
    throw ruleError(file, pointer, 'a template is a web address: it starts with https:// or http:// and a host');
  const groups = new RegExp(`${pattern.source}|`).exec('')!.length - 1;
  for (const [, key] of template.matchAll(/\{(\w+)\}/g)) {
    if (/^\d+$/.test(key!)) {
      const n = Number(key);
      if (n < 1 || n > groups) throw ruleError(file, pointer, `{${key}} names no capture group (the pattern has ${groups})`);
    } else if (key !== 'lang') {
      throw ruleError(
        file,
        pointer,
        `{${key}} is not a template variable (use {1}… for capture groups, {lang} for the item URL's language)`,
      );
    }
  }
  return template;
}
