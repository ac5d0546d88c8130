/** The built-in rule packs, and the choice of packs that apply to one item. */
import { generic } from './generic.js';
import { bbc } from './sites/bbc.js';
import { dw } from './sites/dw.js';
import { feedx } from './sites/feedx.js';
import { nyt } from './sites/nyt.js';
import { rfi } from './sites/rfi.js';
import { voa } from './sites/voa.js';
import { zaobao } from './sites/zaobao.js';
import type { RulePack } from './types.js';

export const builtInPacks: readonly RulePack[] = [generic, feedx, dw, nyt, bbc, voa, zaobao, rfi];

/** Generic and mirror packs always; site packs when the item's host is theirs or a subdomain. */
export function packsFor(itemUrl: string | null, packs: readonly RulePack[] = builtInPacks): RulePack[] {
  const host = hostOf(itemUrl);
  return packs.filter(
    (pack) => pack.kind !== 'site' || (host !== null && (pack.hosts ?? []).some((h) => host === h || host.endsWith(`.${h}`))),
  );
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The time zone for zone-less local times: the first applicable pack that names one, else UTC. */
export function timeZoneFor(packs: readonly RulePack[]): string {
  return packs.find((p) => p.timeZone)?.timeZone ?? 'UTC';
}

/** A pack's named rules, kind by kind (`dropText` → its rule ids), for --explain's users and checks. */
export function ruleIdsByKind(pack: RulePack): Array<[kind: string, ids: string[]]> {
  const kinds: Record<string, ReadonlyArray<{ id: string }> | undefined> = {
    proxies: pack.proxies,
    dropSelectors: pack.dropSelectors,
    dropText: pack.dropText,
    dropLabels: pack.dropLabels,
    footers: pack.footers,
    relatedSections: pack.relatedSections,
    rewrites: pack.rewrites,
    captions: pack.captions,
    embeds: pack.embeds,
    embedLinks: pack.embedLinks,
    byline: pack.byline ? [pack.byline] : undefined,
  };
  return Object.entries(kinds).flatMap(([kind, rules]) => (rules?.length ? [[kind, rules.map((r) => r.id)] as [string, string[]]] : []));
}

export type { RulePack } from './types.js';
