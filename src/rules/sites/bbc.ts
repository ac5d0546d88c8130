/** BBC (bbc.com / bbc.co.uk): ad slots, off-screen labels, media players, divider images. */
import type { RulePack } from '../types.js';

export const bbc: RulePack = {
  id: 'bbc',
  kind: 'site',
  hosts: ['bbc.com', 'bbc.co.uk'],
  dropSelectors: [
    { id: 'bbc-ad-slot', selector: '.bbccom_slot, .mpu-ad, .bbccom_advert' },
    { id: 'bbc-off-screen', selector: '.off-screen, .visually-hidden' },
    { id: 'bbc-image-copyright', selector: '.story-image-copyright' },
  ],
  dropText: [
    { id: 'bbc-player-filler', pattern: /^(?:你的器材不支持播放多媒体材料|你的器材不支援播放多媒體材料|您的设备不支持多媒体播放|Media playback is unsupported on your device)$/ },
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
  decorativeImages: [/[/_-]line\d*(?:-nc)?\.(?:png|jpe?g|gif)$/i, /\/grey-placeholder\.png$/i],
};
