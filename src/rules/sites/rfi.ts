/** RFI (rfi.fr): Paris time and day-first dates in its date lines, standalone ad labels, the push-notification promo of its Chinese service. */
import type { PackSource } from '../types.js';

export const rfi: PackSource = {
  id: 'rfi',
  kind: 'site',
  hosts: ['rfi.fr'],
  timeZone: 'Europe/Paris',
  dateOrder: 'day-first',
  dropText: [
    { id: 'rfi-ad-label', pattern: String.raw`(?i)^(?:广告|廣告|Advertisement|Publicité)$` },
    { id: 'rfi-push-promo', pattern: String.raw`^(?:订阅|訂閱)\s*RFI\s*(?:中文|華語|华语)?\S*(?:推送|快讯|快訊|新闻|新聞)` },
  ],
};
