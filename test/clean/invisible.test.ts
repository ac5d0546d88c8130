import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';
import { normalize } from '../../src/index.js';

describe('what a reader never sees', () => {
  it('drops hidden, display:none and visibility:hidden elements with their text, and explains it', () => {
    const { root } = cleanHtml(
      '<p>Seen <span style="display: none !important">unseen</span>text.</p><div hidden>gone</div><p style="color:red; visibility : hidden">gone too</p><p style="display:block">kept</p>',
      'https://a.example/1',
    );
    expect(outline(root)).toBe('<p>Seen text.</p><p>kept</p>');
    const [item] = normalize('<p>a</p><div hidden>secret</div>', { explain: true });
    expect(item!.explain).toContainEqual({
      pack: 'feedclean',
      rule: 'drop-invisible',
      action: 'removed',
      detail: 'hidden <div> "secret" with its content',
    });
  });

  it('keeps hidden="until-found" text and images a lazy loader hides until its script runs', () => {
    const { root } = cleanHtml(
      '<div hidden="until-found">findable</div><img style="display:none" data-src="https://a.example/real.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
      'https://a.example/1',
    );
    expect(outline(root)).toContain('findable');
    expect(outline(root)).toContain('https://a.example/real.jpg');
  });

  it('turns a task list checkbox into [x] / [ ], and other form controls still go', () => {
    const { root, markdown } = cleanHtml(
      '<ul><li><input type="checkbox" checked disabled> done</li><li><input type="checkbox" disabled>todo</li><li><p><input type="CHECKBOX" checked> in a paragraph</p></li></ul><p>Name: <input type="text" value="x"> <input type="checkbox"> agree</p>',
      'https://a.example/1',
    );
    expect(outline(root)).toContain('<li>[x] done</li><li>[ ] todo</li>');
    expect(markdown).toBe('- [x] done\n\n- [ ] todo\n\n- [x] in a paragraph\n\nName: agree');
  });

  it('is not a checkbox marker when text comes before it in the item', () => {
    const { markdown } = cleanHtml('<ul><li>Agree <input type="checkbox" checked></li></ul>', 'https://a.example/1');
    expect(markdown).toBe('- Agree');
  });
});
