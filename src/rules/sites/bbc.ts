/** BBC (bbc.com / bbc.co.uk): ad slots, off-screen labels, media players, divider images. */
import type { PackSource } from '../types.js';

// Social-embed consent chrome around tweets, videos and posts ("Skip Twitter post", "跳过 Twitter 帖子").
const EMBED_SKIP = String.raw`(?i)^(?:Skip (?:\w+ )?(?:post|content|video)\b|End of (?:\w+ )?(?:post|content|video)\b|(?:跳过|跳過)\s*\S+\s*(?:帖子|内容|內容|视频|視頻)|\S+\s*(?:帖子|内容|內容)(?:内容)?完)`;
const IMAGE_CREDIT = String.raw`(?i)^(?:图像来源|圖像來源|图片来源|圖片來源|Image source)\s*[,，:：]`;

export const bbc: PackSource = {
  id: 'bbc',
  kind: 'site',
  hosts: ['bbc.com', 'bbc.co.uk'],
  dropSelectors: [
    { id: 'bbc-ad-slot', selector: '.bbccom_slot, .mpu-ad, .bbccom_advert' },
    { id: 'bbc-off-screen', selector: '.off-screen, .visually-hidden' },
    { id: 'bbc-image-copyright', selector: '.story-image-copyright' },
    { id: 'bbc-byline-block', selector: '[data-component=byline-block]' },
  ],
  dropText: [
    {
      id: 'bbc-player-filler',
      pattern: String.raw`^(?:你的器材不支持播放多媒体材料|你的器材不支援播放多媒體材料|您的设备不支持多媒体播放|您的設備不支持多媒體播放|您的設備不支援多媒體播放|Media playback is unsupported on your device)$`,
    },
    { id: 'bbc-embed-skip-line', pattern: EMBED_SKIP },
    {
      id: 'bbc-embed-consent',
      pattern: String.raw`(?i)^(?:Allow \w+ content\?|允许\S+内容？|允許\S+內容？|This (?:article|page) contains content provided by |本文包含\S+提供的内容|此文包含\S+提供的内容|本文包含\S+提供的內容|Accept and continue$|接受并继续$|接受並繼續$)`,
    },
    {
      id: 'bbc-embed-unavailable',
      pattern: String.raw`(?i)^(?:Content is not available|内容不可用|內容不可用|View more on \w+|在\s*\S+\s*(?:上)?查看更多)$`,
    },
    { id: 'bbc-image-credit-line', pattern: IMAGE_CREDIT },
    {
      id: 'bbc-external-disclaimer',
      pattern: String.raw`^(?:The BBC is not responsible for the content of external sites\.?|BBC不对外部网站的内容负责。?|BBC不對外部網站的內容負責。?)`,
    },
  ],
  relatedSections: [
    {
      id: 'bbc-related',
      heading: String.raw`(?i)^(?:相关内容|相關內容|相关报道|相關報道|相关话题|相關話題|Related (?:Topics|Internet links|content)|More on this story)$`,
    },
  ],
  // Screen-reader prefixes on current pages carry generated class names, so they go by their text.
  dropLabels: [
    { id: 'bbc-image-credit', pattern: IMAGE_CREDIT },
    { id: 'bbc-embed-skip', pattern: EMBED_SKIP },
    {
      id: 'bbc-hidden-label',
      pattern: String.raw`(?i)^(?:图像加注文字|圖像加註文字|视频加注文字|視頻加註文字|影片加註文字|Image caption|Media caption|Video caption)\s*[,，:：]?$`,
    },
  ],
  embeds: [
    {
      id: 'bbc-media-player',
      selector: '[data-playable]',
      containers: ['.media-with-caption', '.player-with-placeholder'],
      attribute: 'data-playable',
      urlPath: 'settings.externalEmbedUrl',
      titlePath: 'settings.playlistObject.title',
    },
  ],
  // Divider bars: …/cpsprodpb/…/_1234_line976-nc.png, …/_93815765_line976.jpg
  decorativeImages: [String.raw`(?i)[/_-]line\d*(?:-nc)?\.(?:png|jpe?g|gif)$`, String.raw`(?i)/grey-placeholder\.png$`],
};
