/**
 * The shape of a rule pack: everything feedclean knows about one source (a publisher, a mirror, or
 * the web at large) as data. Its rule fields are derived from the kinds (rules/kinds.ts); stages
 * interpret them and never name a site themselves.
 */
import type { CompiledOf } from './kind.js';
import type { KindField, RULE_KINDS } from './kinds.js';

/**
 * How much text a rule's pattern is ever tested against. Patterns run in time linear in the text
 * but also growing with the pattern, so the texts are bounded too: a URL longer than this matches
 * no rule, and a heading, author line or footer marker is tested on its start.
 */
export const MAX_TESTED_URL = 2048;
export const MAX_TESTED_TEXT = 500;

export interface PackHeader {
  /** Short stable id (`dw`, `feedx`, `generic`). */
  id: string;
  /**
   * `generic` packs apply to every item; `mirror` packs apply to every item and, when one of their
   * rules fires, name the mirror in `source.via`; `site` packs apply when the item URL's host is one
   * of `hosts` or a subdomain of one.
   */
  kind: 'generic' | 'mirror' | 'site';
  /** For mirrors: the name reported in `source.via`. */
  name?: string;
  hosts?: readonly string[];
  /** IANA zone in which the source writes zone-less local times (`Asia/Shanghai`). */
  timeZone?: string;
}

export type PackRules = { readonly [F in KindField]?: CompiledOf<(typeof RULE_KINDS)[F]> };

export type RulePack = PackHeader & PackRules;

/** A pack as written, in a rules file or as a built-in one: patterns as strings in rule syntax. */
export type PackSource = PackHeader & { description?: string } & { [F in KindField]?: unknown };
