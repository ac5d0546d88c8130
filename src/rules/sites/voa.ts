/** Voice of America (voachinese.com, voanews.com …): player fallbacks; US Eastern local times. */
import type { RulePack } from '../types.js';

export const voa: RulePack = {
  id: 'voa',
  kind: 'site',
  hosts: ['voachinese.com', 'voanews.com', 'voacantonese.com', 'voatibetan.com'],
  timeZone: 'America/New_York',
  dropText: [{ id: 'voa-player-filler', pattern: /^(?:No media source currently available|目前没有可用的媒体源|目前沒有可用的媒體源)$/i }],
  dropSelectors: [{ id: 'voa-player-chrome', selector: '.c-mmp__fallback-msg, .media-download' }],
};
