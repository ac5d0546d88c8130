/** Knowledge that holds for any source: public image proxies, embed pages, separators, beacons, gallery labels. */
import type { PackSource } from './types.js';

export const generic: PackSource = {
  id: 'generic',
  kind: 'generic',
  proxies: [
    {
      id: 'weserv',
      hosts: ['images.weserv.nl', 'wsrv.nl', 'images.wsrv.nl'],
      form: 'query',
      param: 'url',
      // https://wsrv.nl/docs/ — the parameters the service itself takes.
      // prettier-ignore
      ownParams: [
        'w', 'h', 'dpr', 'fit', 'cx', 'cy', 'cw', 'ch', 'precrop', 'a', 'fpx', 'fpy', 'trim', 'mask', 'mtrim',
        'mbg', 'flip', 'flop', 'ro', 'bg', 'blur', 'sharp', 'sharpf', 'sharpj', 'con', 'filt', 'gam', 'mod',
        'sat', 'hue', 'tint', 'output', 'q', 'll', 'il', 'af', 'n', 'page', 'default', 'errorredirect',
        'maxage', 'encoding', 'filename', 'l', 'we', 't', 'or',
      ],
    },
    // Jetpack's Photon CDN: https://i0.wp.com/example.com/photo.jpg?w=800
    { id: 'photon', hosts: ['i0.wp.com', 'i1.wp.com', 'i2.wp.com', 'i3.wp.com'], form: 'path' },
  ],
  embedLinks: [
    {
      id: 'youtube',
      pattern: String.raw`(?i)^https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{6,})`,
      template: 'https://www.youtube.com/watch?v={1}',
    },
    { id: 'vimeo', pattern: String.raw`(?i)^https?://player\.vimeo\.com/video/(\d+)`, template: 'https://vimeo.com/{1}' },
    {
      id: 'dailymotion',
      pattern: String.raw`(?i)^https?://(?:www\.)?dailymotion\.com/embed/video/(\w+)`,
      template: 'https://www.dailymotion.com/video/{1}',
    },
  ],
  dropText: [
    // A paragraph that is only a rule of ==== or ---- (plain-text separators): layout, not content.
    { id: 'text-separator', pattern: String.raw`^(?:[=]{3,}|[-]{4,}|[_]{4,}|[*]{4,}|[~]{4,})$` },
  ],
  decorativeImages: [
    String.raw`(?i)(?:^|/)(?:spacer|blank|pixel|1x1)\.(?:gif|png)(?:$|\?)`,
    // WordPress's emoji and smiley images (its alt is the emoji itself: it stays, as text).
    String.raw`(?i)^https?://s\.w\.org/images/core/emoji/`,
    // Tracking beacons: FeedBurner's per-item pixels and common stats hosts.
    String.raw`(?i)^https?://(?:feeds\.feedburner\.com|feedproxy\.google\.com|feeds\.feedblitz\.com)/~r/`,
    String.raw`(?i)^https?://(?:stats\.wordpress\.com|pixel\.wp\.com|(?:www|ssl)\.google-analytics\.com|c\.statcounter\.com|hm\.baidu\.com|pixel\.quantserve\.com|(?:b|sb)\.scorecardresearch\.com|pixel\.facebook\.com|www\.facebook\.com/tr)[/?]`,
  ],
  // prettier-ignore
  galleryLabels: [
    '相关图集', '相關圖集', '图集', '圖集', 'Bildergalerie', 'Picture gallery', 'Photo gallery', 'In pictures', 'Gallery',
  ],
};
