/** What every cleaner receives: the packs that apply, the item's URL, and where to record findings. */
import type { RulePack } from '../rules/types.js';
import type { CleanFindings, Explanation } from '../types.js';
import { normalizeSpace } from '../tree/text.js';

export interface CleanContext {
  /** When set, every rule that fires adds what it did here (`--explain`). */
  explain: Explanation[] | null;
  packs: readonly RulePack[];
  itemUrl: string | null;
  timeZone: string;
  /** False when no applicable pack names a zone and `timeZone` is only the UTC default. */
  timeZoneKnown: boolean;
  keepProxies: boolean;
  findings: CleanFindings;
  warnings: string[];
}

/** What a rule did, for `--explain`; `what` is only called when explaining. */
export interface Effect {
  action: Explanation['action'];
  what: () => string;
  /**
   * Rules that only a mirror's own markup can trigger (its footer, its byline block, its proxy)
   * name the mirror in `source.via`; shapes other sources share (a caption under an image) do not.
   */
  identifiesMirror?: boolean;
}

/** Records that a pack's rule changed the item. */
export function fired(ctx: CleanContext, pack: RulePack, ruleId: string, effect: Effect): void {
  if (!ctx.findings.fired.includes(ruleId)) ctx.findings.fired.push(ruleId);
  if (effect.identifiesMirror && pack.kind === 'mirror' && !ctx.findings.via) ctx.findings.via = pack.name ?? pack.id;
  if (ctx.explain) ctx.explain.push({ pack: pack.id, rule: ruleId, action: effect.action, detail: effect.what() });
}

const EXCERPT_CHARS = 120;

/** A node's text, or a description of it, short enough for one line of an explanation. */
export function excerpt(text: string): string {
  const flat = normalizeSpace(text);
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/** Fills `{1}`-style capture groups and named variables into a template. */
export function fillTemplate(
  template: string,
  groups: readonly (string | undefined)[],
  vars: Record<string, string | null>,
): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = /^\d+$/.test(key) ? groups[Number(key)] : vars[key];
    if (value === undefined || value === null || value === '') missing = true;
    return value ?? '';
  });
  return missing ? null : out;
}

/** Variables rule templates may use, derived from the item URL. */
export function templateVars(itemUrl: string | null): Record<string, string | null> {
  let lang: string | null = null;
  try {
    if (itemUrl) lang = new URL(itemUrl).pathname.split('/').filter(Boolean)[0] ?? null;
  } catch {
    lang = null;
  }
  return { lang: lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i.test(lang) ? lang : null };
}
