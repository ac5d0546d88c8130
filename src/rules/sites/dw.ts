/** Deutsche Welle (dw.com): copyright notices, house promos, API article links. */
import type { PackSource } from '../types.js';

const DW_API_LINKS = 'a[rel~=ArticleRef], a[href*="api.dw.com/api/detail/"]';

export const dw: PackSource = {
  id: 'dw',
  kind: 'site',
  hosts: ['dw.com'],
  // DW's own copyright notice, wherever it stands (a related-links section may follow it).
  rights: [
    // © 2023年德國之聲版權聲明：… / © 2020年德国之声版权声明：… / 德国之声版权声明：…
    { id: 'dw-copyright-zh', pattern: String.raw`^(?:©\s*\d{4}\s*年?\s*)?德[国國]之[声聲]\s*版[权權][声聲]明`, anywhere: true },
    // © 2023 Deutsche Welle …
    { id: 'dw-copyright-en', pattern: String.raw`(?i)^©\s*\d{4}\s+Deutsche Welle\b`, anywhere: true },
  ],
  dropText: [
    // While you are here: Every Tuesday, DW editors round up … newsletter Berlin Briefing.
    { id: 'dw-newsletter-promo', pattern: String.raw`(?i)^While you(?:'re| are) here:.*\bnewsletter\b` },
    // DW中文有Instagram！… / DW中文有Facebook！… — house promos for DW's own channels.
    {
      id: 'dw-house-promo',
      pattern: String.raw`(?i)^DW\s*中文\s*(?:有|在)\s*(?:Instagram|Facebook|Twitter|X|YouTube|Telegram|Threads|LINE|WhatsApp|Podcast)\s*[！!]`,
    },
  ],
  // Internal API links (rel="ArticleRef") → the public page for each kind of DW content.
  rewrites: [
    {
      id: 'dw-article-ref',
      selector: DW_API_LINKS,
      pattern: String.raw`^https?://api\.dw\.com/api/detail/article/(\d+)`,
      template: 'https://www.dw.com/{lang}/a-{1}',
      related: true,
    },
    {
      id: 'dw-video-ref',
      selector: DW_API_LINKS,
      pattern: String.raw`^https?://api\.dw\.com/api/detail/video/(\d+)`,
      template: 'https://www.dw.com/{lang}/av-{1}',
      related: true,
    },
    {
      id: 'dw-gallery-ref',
      selector: DW_API_LINKS,
      pattern: String.raw`^https?://api\.dw\.com/api/detail/(?:gallery|image-gallery)/(\d+)`,
      template: 'https://www.dw.com/{lang}/g-{1}',
      related: true,
    },
    {
      id: 'dw-audio-ref',
      selector: DW_API_LINKS,
      pattern: String.raw`^https?://api\.dw\.com/api/detail/audio/(\d+)`,
      template: 'https://www.dw.com/{lang}/audio-{1}',
      related: true,
    },
  ],
};
