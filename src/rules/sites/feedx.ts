/**
 * feedx.net, a full-text feed mirror. It wraps each item in its own markup: a byline/date block on
 * top, images behind images.weserv.nl with a grey `<div><small>` caption, and a promo footer.
 */
import type { PackSource } from '../types.js';

export const feedx: PackSource = {
  id: 'feedx',
  kind: 'mirror',
  name: 'feedx.net',
  footers: [
    {
      id: 'feedx-footer',
      marker: String.raw`(?i)[获獲]取更多\s*RSS\s*[：:]`,
      linkHosts: ['feedx.net', 'feedx.best', 'feedx.xyz', 'feedx.site', 'feedx.top', 'feedx.org', 'feedx.co'],
    },
  ],
  byline: {
    id: 'feedx-byline',
    block: 'div',
    inner: 'i',
    authorSeparators: String.raw`(?i)\s*[,，、;；&]\s*|\s+and\s+`,
    authorPrefix: String.raw`(?i)\s*(?:by\s+|作者\s*[：:]\s*|撰文\s*[：:]\s*)`,
    nullAuthors: ['null', 'undefined', 'none'],
    // Its 快讯-style items (界面新闻, 联合早报) open with a bare `2023-05-02` stamp instead.
  },
  captions: [{ id: 'feedx-small-caption', next: 'div', inner: 'small' }],
};
