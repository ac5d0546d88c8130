/**
 * feedx.net, a full-text feed mirror. It wraps each item in its own markup: a byline/date block on
 * top, images behind images.weserv.nl with a grey `<div><small>` caption, and a promo footer.
 */
import type { RulePack } from '../types.js';

export const feedx: RulePack = {
  id: 'feedx',
  kind: 'mirror',
  name: 'feedx.net',
  footers: [
    {
      id: 'feedx-footer',
      marker: /^[获獲]取更多\s*RSS\s*[：:]/i,
      linkHosts: ['feedx.net', 'feedx.best', 'feedx.xyz', 'feedx.site', 'feedx.top', 'feedx.org', 'feedx.co'],
    },
  ],
  byline: {
    id: 'feedx-byline',
    block: 'div',
    inner: 'i',
    authorSeparators: /\s*[,，、;；&]\s*|\s+and\s+/i,
    authorPrefix: /^\s*(?:by\s+|作者\s*[：:]\s*|撰文\s*[：:]\s*)/i,
    nullAuthors: ['null', 'undefined', 'none'],
    // Its 快讯-style items (界面新闻, 联合早报) open with a bare `2023-05-02` stamp instead.
    leadDate: true,
  },
  captions: [{ id: 'feedx-small-caption', next: 'div', inner: 'small' }],
};
