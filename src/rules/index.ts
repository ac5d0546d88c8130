/** The built-in rule packs, the packs that apply to one item, and their rules by kind. */
import { compileBuiltInPack } from './compile-pack.js';
import { RULE_KINDS, type KindField, type ListField, type RuleOf, type ValueField, type ValueOf } from './kinds.js';
import { generic } from './generic.js';
import { bbc } from './sites/bbc.js';
import { dw } from './sites/dw.js';
import { feedx } from './sites/feedx.js';
import { nyt } from './sites/nyt.js';
import { reuters } from './sites/reuters.js';
import { rfi } from './sites/rfi.js';
import { voa } from './sites/voa.js';
import { zaobao } from './sites/zaobao.js';
import type { Pattern } from './pattern.js';
import type { RulePack } from './types.js';
import { hostOf } from '../urls.js';

/** Compiled by the same compiler as user packs; each kind when it is first read (see compile-pack.ts). */
export const builtInPacks: readonly RulePack[] = [generic, feedx, dw, nyt, bbc, voa, zaobao, rfi, reuters].map(compileBuiltInPack);

/** The generic and mirror packs alone (`--no-site-packs`): what applies to a source no site pack knows. */
export const builtInBasePacks: readonly RulePack[] = builtInPacks.filter((pack) => pack.kind !== 'site');

export { hostOf };

const MAX_HOSTS_REMEMBERED = 1024;
const byHost = new WeakMap<readonly RulePack[], Map<string | null, readonly RulePack[]>>();

/**
 * Generic and mirror packs always; site packs when the item's host is theirs or a subdomain. The
 * same list comes back for the same host, so what is derived from it (its RuleIndex) is reused.
 */
export function packsFor(itemUrl: string | null, packs: readonly RulePack[] = builtInPacks): readonly RulePack[] {
  const host = hostOf(itemUrl);
  let known = byHost.get(packs);
  if (!known) byHost.set(packs, (known = new Map()));
  let found = known.get(host);
  if (!found) {
    found = packs.filter(
      (pack) => pack.kind !== 'site' || (host !== null && (pack.hosts ?? []).some((h) => host === h || host.endsWith(`.${h}`))),
    );
    if (known.size >= MAX_HOSTS_REMEMBERED) known.clear();
    known.set(host, found);
  }
  return found;
}

/** The time zone for zone-less local times: the first applicable pack that names one, else UTC. */
export function timeZoneFor(packs: readonly RulePack[]): string {
  return packs.find((p) => p.timeZone)?.timeZone ?? 'UTC';
}

export interface Ruled<R> {
  pack: RulePack;
  rule: R;
}

/** The rules of a list of packs by kind, in pack order, each with its pack: what stages read. */
export class RuleIndex {
  private readonly lists = new Map<string, ReadonlyArray<Ruled<unknown>>>();
  private readonly starts = new Map<string, ReadonlySet<number> | null>();
  private readonly present = new Map<string, boolean>();

  constructor(readonly packs: readonly RulePack[]) {}

  /** Every rule of a list kind (`dropText`), pack by pack. */
  list<F extends ListField>(field: F): ReadonlyArray<Ruled<RuleOf<F>>> {
    let found = this.lists.get(field);
    if (!found) {
      found = this.packs.flatMap((pack) => ((pack[field] ?? []) as readonly unknown[]).map((rule) => ({ pack, rule })));
      this.lists.set(field, found);
    }
    return found as ReadonlyArray<Ruled<RuleOf<F>>>;
  }

  /** The value of a value kind (`byline`) in every pack that has one. */
  values<F extends ValueField>(field: F): ReadonlyArray<Ruled<ValueOf<F>>> {
    let found = this.lists.get(field);
    if (!found) {
      found = this.packs.flatMap((pack) => (pack[field] === undefined ? [] : [{ pack, rule: pack[field] }]));
      this.lists.set(field, found);
    }
    return found as ReadonlyArray<Ruled<ValueOf<F>>>;
  }

  /**
   * The UTF-16 units a text can start with to match any rule of a list kind (each rule's pattern
   * read by `patternOf`), or null when some rule can match text starting with anything.
   */
  firstChars<F extends ListField>(field: F, patternOf: (rule: RuleOf<F>) => Pattern): ReadonlySet<number> | null {
    if (!this.starts.has(field)) {
      const union = new Set<number>();
      let known = true;
      for (const { rule } of this.list(field)) {
        const first = patternOf(rule).firstChars;
        if (!first) known = false;
        else for (const c of first) union.add(c);
      }
      this.starts.set(field, known ? union : null);
    }
    return this.starts.get(field)!;
  }

  has(field: KindField): boolean {
    // (Asked by most stages of every item: answered once per field for these packs.)
    let found = this.present.get(field);
    if (found === undefined) {
      found = this.packs.some(
        (pack) => pack[field] !== undefined && (!Array.isArray(pack[field]) || (pack[field] as unknown[]).length > 0),
      );
      this.present.set(field, found);
    }
    return found;
  }
}

const indexes = new WeakMap<readonly RulePack[], RuleIndex>();

/** The RuleIndex of a list of packs (one per list: packsFor() hands out the same list again). */
export function ruleIndexFor(packs: readonly RulePack[]): RuleIndex {
  let index = indexes.get(packs);
  if (!index) indexes.set(packs, (index = new RuleIndex(packs)));
  return index;
}

/** A pack's named rules, kind by kind (`dropText` → its rule ids), for `feedclean rules` and checks. */
export function ruleIdsByKind(pack: RulePack, options: { idsOnly?: boolean } = {}): Array<[kind: string, ids: string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const [field, kind] of Object.entries(RULE_KINDS)) {
    const value = pack[field as KindField];
    if (value === undefined) continue;
    if (kind.shape === 'list') {
      const ids = (value as ReadonlyArray<{ id: string }>).map((r) => r.id);
      if (ids.length) out.push([field, ids]);
    } else if (!options.idsOnly || kind.namesAreIds) {
      const names = (kind.names as (value: unknown) => string[])(value);
      if (names.length) out.push([field, names]);
    }
  }
  return out;
}

export type { RulePack } from './types.js';
