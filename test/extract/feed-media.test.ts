import { describe, expect, it } from 'vitest';
import { addFeedMedia, attachmentParagraph } from '../../src/extract/feed-media.js';
import { normalize, renderMarkdown } from '../../src/index.js';
import { h } from '../../src/tree/dom.js';
import { parseBody, toHtml } from '../../src/tree/parse.js';
import type { FeedFields } from '../../src/types.js';

const fields = (over: Partial<FeedFields>): FeedFields => ({
  id: null,
  published: null,
  updated: null,
  authors: [],
  tags: [],
  summary: null,
  media: [],
  attachments: [],
  feed: null,
  ...over,
});

const rss = (item: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title><link>https://f.example/</link><item><title>T</title><link>https://f.example/1</link>${item}</item></channel></rss>`;

describe('feed media in the body', () => {
  it('writes an enclosure as a labelled link with its type and size', () => {
    const p = attachmentParagraph({ url: 'https://cdn.example/pod/ep%2042.mp3?t=1', type: 'audio/mpeg', length: 23_500_000 });
    expect(toHtml(h('div', {}, [p]))).toBe(
      '<p>Audio: <a href="https://cdn.example/pod/ep%2042.mp3?t=1">ep 42.mp3</a> (audio/mpeg, 23.5 MB)</p>',
    );
    expect(toHtml(h('div', {}, [attachmentParagraph({ url: 'https://cdn.example/', type: null, length: null })]))).toBe(
      '<p>Attachment: <a href="https://cdn.example/">https://cdn.example/</a></p>',
    );
  });

  it('leads a body without images with the media image; leaves a body with its own images alone', () => {
    const media = [{ url: 'https://f.example/a.jpg', caption: 'A bridge' }];
    const bare = parseBody('<p>Text.</p>').root;
    expect(addFeedMedia(bare, fields({ media }), [])).toBe(true);
    expect(toHtml(bare)).toBe(
      '<figure><img src="https://f.example/a.jpg" alt="A bridge"><figcaption>A bridge</figcaption></figure><p>Text.</p>',
    );
    const own = parseBody('<p>Text.</p>').root;
    expect(addFeedMedia(own, fields({ media }), [{ url: 'https://f.example/b.jpg', caption: null }])).toBe(false);
    expect(toHtml(own)).toBe('<p>Text.</p>');
  });

  it('never adds what the body already links to, nor a Markdown document its front matter image', () => {
    const attachments = [{ url: 'https://f.example/a.mp3', type: 'audio/mpeg', length: null }];
    const linked = parseBody('<p><a href="https://f.example/a.mp3">Listen</a></p>').root;
    expect(addFeedMedia(linked, fields({ attachments }), [])).toBe(false);
    const doc = parseBody('<p>Text.</p>').root;
    const image = { url: 'https://f.example/a.jpg', caption: null };
    expect(addFeedMedia(doc, fields({ media: [image], leadImage: image }), [])).toBe(false);
  });

  it('reaches the Markdown of a podcast item (audio link) and of a text item with a media image (lead figure), summary unchanged', () => {
    const [pod] = normalize(
      rss('<description>Talk.</description><enclosure url="https://f.example/e.mp3" type="audio/mpeg" length="2000"/>'),
    );
    expect(pod!.markdown).toBe('Talk.\n\nAudio: [e.mp3](https://f.example/e.mp3) (audio/mpeg, 2 kB)');
    expect(pod!.attachments).toEqual([{ url: 'https://f.example/e.mp3', type: 'audio/mpeg', length: 2000 }]);
    expect(pod!.summary).toBe('Talk.');
    const [pic] = normalize(rss('<description>Text.</description><media:content url="https://f.example/p.jpg" medium="image"/>'));
    expect(pic!.markdown).toBe('![](https://f.example/p.jpg)\n\nText.');
    expect(pic!.image).toEqual({ url: 'https://f.example/p.jpg', caption: null });
    expect(pic!.images).toEqual([{ url: 'https://f.example/p.jpg', caption: null }]);
    // Read back, the document is what it was: nothing added twice.
    const again = renderMarkdown(normalize(renderMarkdown(pod!))[0]!);
    expect(again).toBe(renderMarkdown(pod!));
  });
});
