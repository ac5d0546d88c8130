/**
 * The one runner of the clean stage: STAGES in order, the visitor stages that stand next to each
 * other fused into one walk of the tree (each element visited by each of them in table order), the
 * whole-tree stages alone between walks.
 */
import { ELEMENT_NODE, tagIndexOf, type DomNode, type Element, type Fragment } from '../tree/dom.js';
import { GONE, SKIP, type CleanContext, type Stage, type Visitor } from './stage.js';

interface Active {
  /** Position of its stage in the walk (replacements are visited by the later ones only). */
  order: number;
  /** Position of its stage in the table (what the report files its explanations under). */
  stage: number;
  visitor: Visitor;
}

/**
 * The tag names a walk met, for the stages that run only when it met one of theirs (`skipUnless`):
 * marked by tag index, as a number per index, so that marking costs no hashing per element.
 */
export class SeenTags {
  private readonly marks: number[] = [];
  /** Elements whose name has no index of its own (see Element.tagIndex). */
  private readonly unindexed = new Set<string>();
  private walk = 0;

  clear(): void {
    this.walk++;
    // (Set#clear gives the set a new table even when it is empty.)
    if (this.unindexed.size) this.unindexed.clear();
  }
  add(el: Element): void {
    if (el.tagIndex) this.marks[el.tagIndex] = this.walk;
    else this.unindexed.add(el.tagName);
  }
  has(tag: string): boolean {
    const index = tagIndexOf(tag);
    return index ? this.marks[index] === this.walk : this.unindexed.has(tag);
  }
}

/** The visitors of one walk that enter, and those that leave, looked up by an element's tag index. */
class Dispatch {
  private readonly enters: Array<readonly Active[] | undefined> = [];
  private readonly leaves: Array<readonly Active[] | undefined> = [];
  constructor(readonly all: readonly Active[]) {}

  private select(tag: string, which: 'enter' | 'leave'): readonly Active[] {
    return this.all.filter((a) => a.visitor[which] && (!a.visitor.tags || a.visitor.tags.includes(tag)));
  }
  enter(el: Element): readonly Active[] {
    const i = el.tagIndex;
    return i ? (this.enters[i] ??= this.select(el.tagName, 'enter')) : this.select(el.tagName, 'enter');
  }
  leave(el: Element): readonly Active[] {
    const i = el.tagIndex;
    return i ? (this.leaves[i] ??= this.select(el.tagName, 'leave')) : this.select(el.tagName, 'leave');
  }
}

// The walks a table makes (which stages run together depends on the item's rules, so there are a
// few per table; each is known by the set of its stages' positions), each with its lookups by tag
// kept from item to item.
const walksByTable = new WeakMap<readonly Stage[], Map<number | string, Dispatch>>();
function walksOf(stages: readonly Stage[]): Map<number | string, Dispatch> {
  let walks = walksByTable.get(stages);
  if (!walks) walksByTable.set(stages, (walks = new Map()));
  return walks;
}

function leave(el: Element, dispatch: Dispatch, ctx: CleanContext): void {
  const visitors = dispatch.leave(el);
  for (let i = 0; i < visitors.length; i++) {
    if (!el.parentNode) return;
    const { visitor, stage } = visitors[i]!;
    ctx.report.stageIndex = stage;
    visitor.leave!(el, ctx);
  }
}

// The walk's position, kept in variables rather than objects returned per element: the walk runs
// for every element of every item, and small objects made per element add up to GC time.
let depth = 0;
/** What enter() leaves when the element is gone: what now stands in its place, and its parent. */
let goneTo: DomNode | null = null;
let goneParent: Element | Fragment | null = null;
let skipChildren = false;

/**
 * The enter visitors of one element, in order, as the Step each returns says. Returns the element
 * the walk goes on with (a replacement, maybe), or null when it is gone (see goneTo).
 */
function enter(start: Element, dispatch: Dispatch, ctx: CleanContext): Element | null {
  let el = start;
  let list = dispatch.enter(el);
  skipChildren = false;
  for (let i = 0; i < list.length; i++) {
    const active = list[i]!;
    const visitor = active.visitor;
    const prev = el.previousSibling;
    const parent = el.parentNode!;
    ctx.report.stageIndex = active.stage;
    const step = visitor.enter!(el, ctx, depth);
    if (step === undefined) continue;
    if (step === SKIP) skipChildren = true;
    else if (step === GONE) {
      goneTo = prev ? prev.nextSibling : parent.firstChild;
      goneParent = parent;
      return null;
    } else {
      el = step.replacedBy;
      list = dispatch.enter(el);
      const later = list.findIndex((a) => a.order > active.order);
      i = (later < 0 ? list.length : later) - 1;
    }
  }
  return el;
}

/**
 * Leaves `parent` and every ancestor after which nothing follows, running their leave visitors;
 * the next node to visit is the next sibling of the first one that has one (depth follows).
 */
function up(root: Fragment, parent: Element | Fragment | null, dispatch: Dispatch, ctx: CleanContext): DomNode | null {
  let current = parent;
  while (current && current !== root) {
    const el = current as Element;
    depth--;
    const next = el.nextSibling;
    const grand = el.parentNode;
    leave(el, dispatch, ctx);
    const after = el.parentNode === grand ? el.nextSibling : next;
    if (after) return after;
    current = grand;
  }
  return null;
}

/**
 * One walk in document order. An element an enter visitor removes or unwraps is replaced in the
 * walk by whatever now stands in its place (its next sibling, or its first child), which every
 * visitor then sees; a replacement element is seen by the visitors after the one that made it.
 * Leave visitors run once every visitor has seen the element's children.
 */
function walk(root: Fragment, visitors: readonly Active[], dispatch: Dispatch, ctx: CleanContext): void {
  const seen = ctx.seen;
  seen.clear();
  let node: DomNode | null = root.firstChild;
  depth = 1;
  while (node) {
    if (node.nodeType !== ELEMENT_NODE) {
      node = node.nextSibling ?? up(root, node.parentNode, dispatch, ctx);
      continue;
    }
    const el = enter(node as Element, dispatch, ctx);
    if (!el) {
      node = goneTo ?? up(root, goneParent, dispatch, ctx);
      continue;
    }
    seen.add(el);
    if (!skipChildren && el.firstChild) {
      node = el.firstChild;
      depth++;
      continue;
    }
    // Nothing to walk into: left at once.
    const next = el.nextSibling;
    const parent = el.parentNode;
    leave(el, dispatch, ctx);
    node = (el.parentNode === parent ? el.nextSibling : next) ?? up(root, parent, dispatch, ctx);
  }
  goneTo = goneParent = null;
  for (const { visitor, stage } of visitors) {
    ctx.report.stageIndex = stage;
    visitor.finish?.(root, ctx);
  }
}

/**
 * Runs the stages in table order, fusing neighbouring visitor stages into one walk. A stage whose
 * `when` is false is left out (and divides no walk); one with `skipUnless` (it asks what the last
 * walk met), or that `waitsFor` a stage of the walk under way, starts a walk of its own.
 */
export function runStages(tree: Fragment, stages: readonly Stage[], ctx: CleanContext): void {
  let pending: Active[] = [];
  const flush = () => {
    if (pending.length) {
      const walks = walksOf(stages);
      // (A sum of powers of two names the set exactly while positions stay below 53.)
      let key: number | string = 0;
      if (stages.length <= 53) for (const a of pending) key += 2 ** a.stage;
      else key = pending.map((a) => a.stage).join(',');
      let dispatch = walks.get(key);
      if (!dispatch) {
        dispatch = new Dispatch(pending);
        if (walks.size < 64) walks.set(key, dispatch);
      }
      walk(tree, dispatch.all, dispatch, ctx);
    }
    pending = [];
  };
  stages.forEach((stage, index) => {
    if (stage.when && !stage.when(ctx)) return;
    const waits = stage.waitsFor && pending.some((a) => stage.waitsFor!.includes(stages[a.stage]!.id));
    if (stage.skipUnless || waits) flush();
    if (stage.skipUnless && !stage.skipUnless.some((tag) => ctx.seen.has(tag))) return;
    if (stage.visit) pending.push({ order: pending.length, stage: index, visitor: stage.visit });
    else {
      flush();
      ctx.report.stageIndex = index;
      stage.run(tree, ctx);
    }
  });
  flush();
  ctx.report.settle();
}
