/** What every cleaner receives: the packs that apply, the item's URL, and where to record findings. */
import type { RulePack } from '../rules/types.js';
import type { CleanFindings } from '../types.js';

export interface CleanContext {
  packs: readonly RulePack[];
  itemUrl: string | null;
  timeZone: string;
  /** False when no applicable pack names a zone and `timeZone` is only the UTC default. */
  timeZoneKnown: boolean;
  keepProxies: boolean;
  findings: CleanFindings;
  warnings: string[];
}

/**
 * Records that a pack's rule changed the item. Rules that only a mirror's own markup can trigger
 * (its footer, its byline block) also name the mirror in `source.via`; shapes other sources share
 * (a caption under an image) do not.
 */
export function fired(ctx: CleanContext, pack: RulePack, ruleId: string, identifiesMirror = false): void {
  if (!ctx.findings.fired.includes(ruleId)) ctx.findings.fired.push(ruleId);
  if (identifiesMirror && pack.kind === 'mirror' && !ctx.findings.via) ctx.findings.via = pack.name ?? pack.id;
}

/** Fills `{1}`-style capture groups and named variables into a template. */
export function fillTemplate(template: string, groups: readonly (string | undefined)[], vars: Record<string, string | null>): string | null {
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
