/** Lianhe Zaobao (zaobao.com.sg, zaobao.com): local times are Singapore time; channel and app promos. */
import type { PackSource } from '../types.js';

export const zaobao: PackSource = {
  id: 'zaobao',
  kind: 'site',
  hosts: ['zaobao.com.sg', 'zaobao.com'],
  timeZone: 'Asia/Singapore',
  dropText: [
    { id: 'zaobao-channel-promo', pattern: String.raw`^(?:想要第一时间获取重要新闻|想要第一時間獲取重要新聞|关注联合早报|關注聯合早報)` },
    { id: 'zaobao-app-promo', pattern: String.raw`^(?:欢迎下载联合早报|歡迎下載聯合早報)` },
  ],
};
