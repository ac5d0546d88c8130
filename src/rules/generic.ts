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
    // Any Thumbor server's unsigned URLs: /unsafe/<options>/<original, with its host>.
    { id: 'thumbor', form: 'thumbor' },
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
  // Text for screen readers only: not what a reader of the page sees.
  dropSelectors: [
    {
      id: 'screen-reader-only',
      selector: '.off-screen, .sr-only, .visually-hidden, .visuallyhidden, .screen-reader-text, .screen-reader-only, .a11y-hidden',
    },
  ],
  dropText: [
    // A paragraph that is only a rule of ==== or ---- (plain-text separators): layout, not content.
    { id: 'text-separator', pattern: String.raw`^(?:[=]{3,}|[-]{4,}|[_]{4,}|[*]{4,}|[~]{4,})$` },
  ],
  // Copyright and agency credit lines, as publishers write them at an article's end or in a caption.
  rights: [
    // © 2020 AFP / © Reuters 2020 / © user for example.com / (c) 2020 …: a line of its own anywhere.
    { id: 'copyright-sign', pattern: String.raw`(?i)^(?:©|\(c\)\s*\d{4}\b)`, anywhere: true },
    // Copyright 2020 … / (c) Reuters / 版权所有 …: at the ends only ("Copyright holders sued …" is an
    // article's sentence, "(c) the third condition" an item of a list).
    { id: 'copyright-word', pattern: String.raw`(?i)^(?:copyright\b|\(c\)\s*\w|版权所有|版權所有|著作权所有|著作權所有)` },
    // A photo's credit on a line of its own: Photo: © Getty / 图片来源：路透社 / 图片版权 Getty Images.
    {
      id: 'photo-credit',
      pattern: String.raw`(?i)^(?:(?:photo|image|picture|foto|bild)s?\s*(?:credits?|source|©)\s*[:：]?|(?:photo|image|picture|foto|bild)\s*[:：]\s*(?:©|\(c\))|(?:图片|圖片|照片|图|圖)\s*(?:来源|來源|版权|版權|提供|出处|出處)\s*[:：]?)`,
      anywhere: true,
    },
    // A credit the markup names: <span class="story-image-copyright">, <small class="photo-credit">.
    { id: 'credit-markup', selector: '[class*=copyright], [class*=Copyright], [class*=credit], [class*=Credit]' },
    {
      id: 'all-rights-reserved',
      pattern: String.raw`(?i)(?:all rights reserved|版权所有|版權所有|保留所有权利|保留所有權利|保留一切权利|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati)[.。!！]?$`,
    },
  ],
  // Site chrome at the ends of an article: badges, policy and tag links, plugin footers, promos.
  chrome: [
    {
      id: 'policy-link',
      href: String.raw`(?i)(?:^|[/._-])(?:about[-_]?us|our[-_]?standards|standards|trust[-_]?principles|editorial[-_]?(?:guidelines|standards|policy|values)|ethics|corrections|privacy(?:[-_]?policy)?|terms(?:[-_]?of[-_]?(?:use|service))?|policies|code[-_]?of[-_]?conduct)(?:[/._?#-]|$)`,
    },
    {
      id: 'trust-badge',
      text: String.raw`(?i)^(?:our standards|我们的标准|我們的標準|编辑准则|編輯準則|trust principles|editorial standards)\s*[:：]`,
    },
    {
      id: 'tag-links',
      href: String.raw`(?i)^(?:https?://[^/]+)?/(?:[\w-]+/)?(?:tags?|topics?|category|categories|labels?|keywords?|schlagwort|thema)/[^/?#]+/?(?:[?#].*)?$`,
    },
    { id: 'tag-line', text: String.raw`(?i)^(?:tags?|post tags|filed under|categories|标签|標籤|关键词|關鍵詞|关键字|關鍵字)\s*[:：]` },
    {
      id: 'plugin-footer',
      text: String.raw`(?i)^(?:the post .+ appeared first on |this (?:post|entry|article) (?:was )?(?:originally )?(?:published|posted|appeared) (?:on|at|in) |permalink\b|feed enhanced by|powered by |this entry was posted in |originally published at )`,
    },
    {
      id: 'continue-reading',
      text: String.raw`(?i)^(?:continue reading|read more|read the full (?:story|article)|阅读全文|閱讀全文|阅读更多|閱讀更多)\b.*$`,
    },
    {
      id: 'signup-promo',
      text: String.raw`(?i)^(?:(?:sign up|subscribe) (?:for|to) (?:our|the|my) .*newsletter|thanks? (?:you )?for reading|(?:感谢|感謝|谢谢|謝謝)(?:您的)?阅读|(?:感谢|感謝|谢谢|謝謝)(?:您的)?閱讀|(?:点击|點擊)?(?:订阅|訂閱).*(?:电子报|電子報|通讯|通訊|newsletter|邮件|郵件|简报|簡報)|[（(]?\s*(?:欢迎|歡迎)\s*(?:点击此处|點擊此處)?\s*(?:订阅|訂閱))`,
    },
  ],
  decorativeImages: [
    // Interface icons a page's figures carry (a zoom magnifier, a share or print button): by file name.
    String.raw`(?i)(?:^|/)(?:zoom(?:[-_][\w-]*)?|magnif(?:y|ier)[\w-]*|loupe|enlarge|fullscreen|icon[-_][\w-]*|[\w-]+[-_]icon|ico[-_][\w-]*|btn[-_][\w-]*|button[-_][\w-]*|share[-_][\w-]*|print[-_]?(?:icon|btn)|close[-_](?:icon|btn)|arrow[-_][\w-]*)\.(?:png|gif|svg|jpe?g|webp)(?:$|[?#])`,
    String.raw`(?i)(?:^|/)(?:spacer|blank|pixel|1x1)\.(?:gif|png)(?:$|\?)`,
    // WordPress's emoji and smiley images (its alt is the emoji itself: it stays, as text).
    String.raw`(?i)^https?://s\.w\.org/images/core/emoji/`,
    // Tracking beacons: FeedBurner's per-item pixels and common stats hosts.
    String.raw`(?i)^https?://(?:feeds\.feedburner\.com|feedproxy\.google\.com|feeds\.feedblitz\.com)/~r/`,
    String.raw`(?i)^https?://(?:stats\.wordpress\.com|pixel\.wp\.com|(?:www|ssl)\.google-analytics\.com|c\.statcounter\.com|hm\.baidu\.com|pixel\.quantserve\.com|(?:b|sb)\.scorecardresearch\.com|pixel\.facebook\.com|www\.facebook\.com/tr)[/?]`,
  ],
  // Labels a date line at the top of an article may carry, in the languages mirrors carry.
  // prettier-ignore
  dateLabels: [
    '日期', '时间', '時間', '发布时间', '發佈時間', '發布時間', '发布日期', '發佈日期', '发表时间', '發表時間', '更新时间', '更新時間',
    '发布于', '發佈於', '发表于', '發表於', '刊登时间', '刊登時間', '出版时间', '出版時間',
    'Date', 'Dated', 'Published', 'Published on', 'Publication date', 'Posted', 'Posted on', 'Updated', 'Last updated', 'First published',
    'Publié le', 'Mis à jour le', 'Veröffentlicht', 'Veröffentlicht am', 'Stand', 'Publicado', 'Publicado el', 'Publicado em',
    'Pubblicato', 'Pubblicato il', 'Gepubliceerd', 'Опубликовано', 'Дата', '掲載日', '公開日', '更新日', '게시일', '입력', '수정',
  ],
  // prettier-ignore
  galleryLabels: [
    '相关图集', '相關圖集', '图集', '圖集', 'Bildergalerie', 'Picture gallery', 'Photo gallery', 'In pictures', 'Gallery',
  ],
};
