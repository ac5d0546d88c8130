import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

describe('media embeds', () => {
  it('turns a YouTube iframe into a link to the watch page', () => {
    const { root } = cleanHtml('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" title="A video"></iframe>');
    expect(outline(root)).toBe('<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">A video</a></p>');
  });

  it('turns video and audio into links, keeping the unproxied poster', () => {
    const { root } = cleanHtml(
      '<video poster="https://images.weserv.nl?url=gdb.voanews.com/p.jpg" controls><source src="https://voa.example/v.mp4" type="video/mp4">Your browser does not support video.</video><audio src="https://voa.example/a.mp3"></audio>',
      'https://www.voachinese.com/a/1.html',
    );
    expect(outline(root)).toBe(
      '<img src="https://gdb.voanews.com/p.jpg" alt=""><p><a href="https://voa.example/v.mp4">https://voa.example/v.mp4</a></p><p><a href="https://voa.example/a.mp3">https://voa.example/a.mp3</a></p>',
    );
  });

  it('drops media whose address cannot be recovered, with its filler text', () => {
    expect(outline(cleanHtml('<p>t</p><video>不支持</video><iframe src="javascript:x"></iframe>').root)).toBe('<p>t</p>');
  });

  it("keeps the player container's caption when it says more than the title", () => {
    const playable = JSON.stringify({
      settings: { externalEmbedUrl: 'https://www.bbc.com/zhongwen/trad/x/embed', playlistObject: { title: '林鄭月娥' } },
    });
    const { root } = cleanHtml(
      `<div class="media-with-caption"><div data-playable='${playable}'></div><figcaption>林鄭月娥：押後選舉與政治無關</figcaption></div>`,
      'https://www.bbc.com/zhongwen/trad/x',
    );
    expect(outline(root)).toBe(
      '<p><a href="https://www.bbc.com/zhongwen/trad/x/embed">林鄭月娥</a></p><p>林鄭月娥：押後選舉與政治無關</p>',
    );
  });

  it('recovers BBC players from data-playable JSON and drops the device filler', () => {
    const playable = JSON.stringify({
      settings: { externalEmbedUrl: 'https://www.bbc.com/zhongwen/simp/world-1/embed', playlistObject: { title: '视频标题' } },
    }).replace(/'/g, '&#39;');
    const { root } = cleanHtml(
      `<div class="media-with-caption"><div class="player-with-placeholder"><img class="media-placeholder" src="https://ichef.bbci.co.uk/images/ic/720x405/p1.jpg"><div class="player-with-placeholder__caption">你的器材不支持播放多媒体材料</div><div class="media-player" data-playable='${playable}'></div></div><figcaption>视频标题</figcaption></div><p>正文</p>`,
      'https://www.bbc.com/zhongwen/simp/world-1',
    );
    expect(outline(root)).toBe(
      '<img src="https://ichef.bbci.co.uk/images/ic/720x405/p1.jpg" alt="视频标题"><p><a href="https://www.bbc.com/zhongwen/simp/world-1/embed">视频标题</a></p><p>正文</p>',
    );
  });
});

describe('video with several sources', () => {
  it('links the first source a browser plays (a stream manifest last), and keeps the poster', () => {
    const { root } = cleanHtml(
      '<video controls poster="/img/p.jpg"><source src="https://a.example/v.m3u8" type="application/x-mpegURL"><source src="https://a.example/v.webm" type="video/webm"><source src="https://a.example/v.mp4" type="video/mp4">No video.</video>',
      'https://a.example/news/1',
    );
    expect(outline(root)).toBe(
      '<img src="https://a.example/img/p.jpg" alt=""><p><a href="https://a.example/v.webm">https://a.example/v.webm</a></p>',
    );
  });

  it('resolves relative sources against the item, prefers web addresses, takes a manifest when it is all there is', () => {
    const rel = cleanHtml('<video><source src="clip.mp4" type="video/mp4"></video>', 'https://a.example/news/1');
    expect(outline(rel.root)).toBe('<p><a href="https://a.example/news/clip.mp4">https://a.example/news/clip.mp4</a></p>');
    const only = cleanHtml('<video><source src="https://a.example/live.m3u8" type="application/x-mpegURL"></video>', 'https://a.example/1');
    expect(outline(only.root)).toBe('<p><a href="https://a.example/live.m3u8">https://a.example/live.m3u8</a></p>');
    const unresolved = cleanHtml('<p>x</p><video poster="p.jpg"><source src="clip.mp4"></video>', null);
    expect(unresolved.warnings).toEqual([
      'relative URLs "p.jpg", "clip.mp4" left out: no base URL to resolve them against (give --base URL)',
    ]);
  });
});
