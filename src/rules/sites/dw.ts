/** Deutsche Welle (dw.com): copyright notices, house promos, API article links. */
import type { RulePack } from '../types.js';

export const dw: RulePack = {
  id: 'dw',
  kind: 'site',
  hosts: ['dw.com'],
  dropText: [
    // © 2023年德國之聲版權聲明：… / © 2020年德国之声版权声明：… / 德国之声版权声明：…
    { id: 'dw-copyright-zh', pattern: /^(?:©\s*\d{4}\s*年?\s*)?德[国國]之[声聲]\s*版[权權][声聲]明/ },
    // © 2023 Deutsche Welle …
    { id: 'dw-copyright-en', pattern: /^©\s*\d{4}\s+Deutsche Welle\b/i },
    // DW中文有Instagram！… / DW中文有Facebook！… — house promos for DW's own channels.
    { id: 'dw-house-promo', pattern: /^DW\s*中文\s*(?:有|在)\s*(?:Instagram|Facebook|Twitter|X|YouTube|Telegram|Threads|LINE|WhatsApp|Podcast)\s*[！!]/i },
  ],
  rewrites: [
    {
      id: 'dw-article-ref',
      selector: 'a[rel~=ArticleRef], a[href*="api.dw.com/api/detail/article/"]',
      pattern: /^https?:\/\/api\.dw\.com\/api\/detail\/article\/(\d+)/,
      template: 'https://www.dw.com/{lang}/a-{1}',
      related: true,
    },
  ],
};
