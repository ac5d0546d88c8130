import { describe, expect, it } from 'vitest';
import { SeenTags } from '../../src/clean/run-stages.js';
import { GONE, SKIP, type Stage, type Visitor } from '../../src/clean/stage.js';
import { Element, h, replaceNode } from '../../src/tree/dom.js';
import { contextFor, outline, runOn } from '../support/clean.js';

/** A visitor stage that logs what it enters and leaves, under its id. */
function logging(id: string, log: string[], visit: Visitor = {}, extra: Partial<Stage> = {}): Stage {
  return {
    id,
    reads: 'the tree',
    leaves: 'the tree',
    ...extra,
    visit: {
      ...visit,
      enter: (el, ctx, depth) => {
        log.push(`${id}>${el.tagName}${depth}`);
        return visit.enter?.(el, ctx, depth);
      },
      leave: (el, ctx) => {
        log.push(`${id}<${el.tagName}`);
        visit.leave?.(el, ctx);
      },
    },
  } as Stage;
}

describe('runStages', () => {
  it('runs neighbouring visitor stages in one walk, in table order, each element entered before its children and left after', () => {
    const log: string[] = [];
    runOn([logging('a', log), logging('b', log)], '<div><p>x</p></div><hr>');
    expect(log).toEqual(['a>div1', 'b>div1', 'a>p2', 'b>p2', 'a<p', 'b<p', 'a<div', 'b<div', 'a>hr1', 'b>hr1', 'a<hr', 'b<hr']);
  });

  it('visits only the tags a visitor names', () => {
    const log: string[] = [];
    runOn([logging('a', log, { tags: ['p'] })], '<div><p>x</p><span>y</span></div>');
    expect(log).toEqual(['a>p2', 'a<p']);
  });

  it('shows what stands in a removed element’s place to every visitor, and leaves a removed element unvisited after', () => {
    const log: string[] = [];
    const remove = logging('a', log, { enter: (el) => (el.tagName === 'i' ? (el.remove(), GONE) : undefined) });
    const { root } = runOn([remove, logging('b', log)], '<p><i>x</i><b>y</b></p>');
    expect(log).toEqual(['a>p1', 'b>p1', 'a>i2', 'a>b2', 'b>b2', 'a<b', 'b<b', 'a<p', 'b<p']);
    expect(outline(root)).toBe('<p><b>y</b></p>');
  });

  it('shows a replacement to the later visitors only, and walks into it', () => {
    const log: string[] = [];
    const rename = logging('a', log, {
      enter: (el) => {
        if (el.tagName !== 'i') return undefined;
        const em = h('em', {}, [...el.childNodes]);
        replaceNode(el, em);
        return { replacedBy: em };
      },
    });
    const { root } = runOn([logging('z', log), rename, logging('b', log)], '<i><b>x</b></i>');
    expect(log).toEqual(['z>i1', 'a>i1', 'b>em1', 'z>b2', 'a>b2', 'b>b2', 'z<b', 'a<b', 'b<b', 'z<em', 'a<em', 'b<em']);
    expect(outline(root)).toBe('<em><b>x</b></em>');
  });

  it('does not walk into an element a visitor skips, but still leaves it', () => {
    const log: string[] = [];
    runOn([logging('a', log, { enter: (el) => (el.tagName === 'div' ? SKIP : undefined) })], '<div><p>x</p></div>');
    expect(log).toEqual(['a>div1', 'a<div']);
  });

  it('leaves out a stage whose `when` is false, and starts a walk for a stage that waits for one under way', () => {
    const log: string[] = [];
    const stages = [logging('a', log, {}, { when: () => false }), logging('b', log), logging('c', log, {}, { waitsFor: ['b'] })];
    runOn(stages, '<p>x</p><hr>');
    expect(log).toEqual(['b>p1', 'b<p', 'b>hr1', 'b<hr', 'c>p1', 'c<p', 'c>hr1', 'c<hr']);
  });

  it('runs a `skipUnless` stage only when the walk before it met one of its tags', () => {
    const ran: string[] = [];
    const wants = (id: string, tags: string[]): Stage => ({ id, reads: '', leaves: '', skipUnless: tags, run: () => void ran.push(id) });
    runOn([logging('walk', []), wants('img', ['img']), wants('table', ['table', 'td'])], '<p><img src="a.png"></p>');
    expect(ran).toEqual(['img']);
  });

  it('runs whole-tree stages alone between walks, with the report naming the stage at work', () => {
    const order: string[] = [];
    const whole: Stage = { id: 'whole', reads: '', leaves: '', run: (_t, ctx) => void order.push(`whole@${ctx.report.stageIndex}`) };
    const visit = logging('v', [], { enter: (_el, ctx) => void order.push(`v@${ctx.report.stageIndex}`) });
    runOn([visit, whole, visit], '<p>x</p>');
    expect(order).toEqual(['v@0', 'whole@1', 'v@2']);
  });
});

describe('SeenTags', () => {
  it('knows the tags added since the last clear, by name', () => {
    const seen = new SeenTags();
    seen.clear();
    seen.add(new Element('figure'));
    expect(seen.has('figure')).toBe(true);
    expect(seen.has('figcaption')).toBe(false);
    seen.clear();
    expect(seen.has('figure')).toBe(false);
  });

  it('knows tags that have no index of their own too (past the first 4,095 names a process meets)', () => {
    // Made-up names fill the index, so that the next new name gets none.
    for (let i = 0; i < 4200; i++) new Element(`x-filler-${i}`);
    const late = new Element('x-late-name');
    expect(late.tagIndex).toBe(0);
    const seen = contextFor().seen;
    seen.clear();
    seen.add(late);
    expect(seen.has('x-late-name')).toBe(true);
    expect(seen.has('x-filler-5')).toBe(false);
    seen.clear();
    expect(seen.has('x-late-name')).toBe(false);
  });
});
