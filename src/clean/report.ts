/**
 * Where stages say what they did: warnings (with a code and the stage or rule that raised them),
 * the rules that fired and their explanations (`--explain`), and the mirror an item came through.
 */
import type { RulePack } from '../rules/types.js';
import type { Explanation } from '../types.js';
import { normalizeSpace } from '../tree/text.js';

export interface Warning {
  /** Stable, for programs (`zone-guessed`, `date-unread`). */
  code: string;
  /** The stage or the rule (`pack/rule`) that raised it. */
  source: string;
  message: string;
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

/** The pack name explanations give for what the built-in stages do on their own (sanitizing). */
export const BUILT_IN = 'feedclean';

export class Report {
  readonly warnings: Warning[] = [];
  /** Rule ids that fired, in order, each once. */
  readonly fired: string[] = [];
  /** When explaining: every effect, in order. */
  readonly explain: Explanation[] | null;
  /** The mirror the item came through, once one of its identifying rules fired. */
  via: string | null = null;
  /** The table position of the stage now running (set by the runner). */
  stageIndex = 0;
  /** The stage each explanation came from: stages sharing a walk interleave them. */
  private readonly explainStages: number[] = [];

  constructor(explain: boolean) {
    this.explain = explain ? [] : null;
  }

  warn(source: string, code: string, message: string): void {
    this.warnings.push({ code, source, message });
  }

  /** A pack's rule changed the item. */
  rule(pack: RulePack, ruleId: string, effect: Effect): void {
    if (!this.fired.includes(ruleId)) this.fired.push(ruleId);
    if (effect.identifiesMirror && pack.kind === 'mirror' && !this.via) this.via = pack.name ?? pack.id;
    if (this.explain) this.addExplanation({ pack: pack.id, rule: ruleId, action: effect.action, detail: effect.what() });
  }

  /** A built-in stage changed the item on its own (the sanitizer, the title heading). */
  stage(stageId: string, action: Explanation['action'], what: () => string): void {
    if (this.explain) this.addExplanation({ pack: BUILT_IN, rule: stageId, action, detail: what() });
  }

  private addExplanation(entry: Explanation): void {
    this.explain!.push(entry);
    this.explainStages.push(this.stageIndex);
  }

  /** The explanations in stage order (each stage's in the order it made them), as one stage after another would have. */
  settle(): void {
    const explain = this.explain;
    if (!explain || explain.length < 2) return;
    const order = explain.map((entry, i) => ({ entry, stage: this.explainStages[i]!, i }));
    order.sort((a, b) => a.stage - b.stage || a.i - b.i);
    order.forEach(({ entry, stage }, i) => {
      explain[i] = entry;
      this.explainStages[i] = stage;
    });
  }
}

const EXCERPT_CHARS = 120;

/** A node's text, or a description of it, short enough for one line of an explanation. */
export function excerpt(text: string): string {
  const flat = normalizeSpace(text);
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}
