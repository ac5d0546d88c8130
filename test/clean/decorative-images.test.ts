import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';
import { normalize } from '../../src/index.js';

describe('emoji images', () => {
  it('turns WordPress smileys and emoji images into their alt text, inline, never figures', () => {
    const { root, markdown } = cleanHtml(
      '<p>Cold <img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f976.png" alt="🥶" class="wp-smiley" style="height: 1em"> today ' +
        '<img src="https://example.org/wp-includes/images/smilies/icon_wink.gif" alt=";)" class="wp-smiley"> and ' +
        '<img draggable="false" role="img" class="emoji" alt="🙂" src="https://twemoji.example/1f642.svg"> ' +
        '<img src="https://s.w.org/images/core/emoji/14.0.0/svg/2764.svg" alt="❤️"></p>',
      'https://blog.example/1',
    );
    expect(outline(root)).toBe('<p>Cold 🥶 today ;) and 🙂 ❤️</p>');
    expect(markdown).toBe('Cold 🥶 today ;) and 🙂 ❤️');
    const [item] = normalize('<p>Hi <img class="wp-smiley" alt=":D" src="https://blog.example/smilies/icon_biggrin.gif"></p>');
    expect(item!.images).toEqual([]);
    expect(item!.image).toBeNull();
  });

  it('keeps an image with a real description even with an emoji class; drops an emoji image without alt', () => {
    const { root } = cleanHtml(
      '<p><img class="emoji" src="https://a.example/portrait.jpg" alt="A portrait of the author"> <img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f600.png"></p>',
      'https://blog.example/1',
    );
    expect(outline(root)).toBe('<p><img src="https://a.example/portrait.jpg" alt="A portrait of the author"> </p>');
  });
});
