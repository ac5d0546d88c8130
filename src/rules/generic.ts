/** Knowledge that holds for any source: public image proxies, separators, gallery labels. */
import type { RulePack } from './types.js';

export const generic: RulePack = {
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
      pattern: /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/i,
      template: 'https://www.youtube.com/watch?v={1}',
    },
    { id: 'vimeo', pattern: /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i, template: 'https://vimeo.com/{1}' },
    {
      id: 'dailymotion',
      pattern: /^https?:\/\/(?:www\.)?dailymotion\.com\/embed\/video\/(\w+)/i,
      template: 'https://www.dailymotion.com/video/{1}',
    },
  ],
  dropText: [
    // A paragraph that is only a rule of ==== or ---- (plain-text separators): layout, not content.
    { id: 'text-separator', pattern: /^(?:[=]{3,}|[-]{4,}|[_]{4,}|[*]{4,}|[~]{4,})$/ },
  ],
  decorativeImages: [
    /(?:^|\/)(?:spacer|blank|pixel|1x1)\.(?:gif|png)(?:$|\?)/i,
    // Tracking beacons: FeedBurner's per-item pixels and common stats hosts.
    /^https?:\/\/(?:feeds\.feedburner\.com|feedproxy\.google\.com|feeds\.feedblitz\.com)\/~r\//i,
    /^https?:\/\/(?:stats\.wordpress\.com|pixel\.wp\.com|(?:www|ssl)\.google-analytics\.com|c\.statcounter\.com|hm\.baidu\.com|pixel\.quantserve\.com|(?:b|sb)\.scorecardresearch\.com|pixel\.facebook\.com|www\.facebook\.com\/tr)[/?]/i,
  ],
  // prettier-ignore
  galleryLabels: [
    '相关图集', '相關圖集', '图集', '圖集', 'Bildergalerie', 'Picture gallery', 'Photo gallery', 'In pictures', 'Gallery',
  ],
};
