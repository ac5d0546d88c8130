/** Voice of America (voachinese.com, voanews.com …): player fallbacks; US Eastern local times. */
import type { PackSource } from '../types.js';

export const voa: PackSource = {
  id: 'voa',
  kind: 'site',
  hosts: ['voachinese.com', 'voanews.com', 'voacantonese.com', 'voatibetan.com'],
  timeZone: 'America/New_York',
  dropText: [
    {
      id: 'voa-player-filler',
      pattern: String.raw`(?i)^(?:No media source currently available|目前没有可用的媒体源|目前沒有可用的媒體源)$`,
    },
  ],
  dropSelectors: [{ id: 'voa-player-chrome', selector: '.c-mmp__fallback-msg, .media-download' }],
};
