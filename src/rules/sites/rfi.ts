/** RFI (rfi.fr): standalone ad labels and the push-notification promo of its Chinese service. */
import type { RulePack } from '../types.js';

export const rfi: RulePack = {
  id: 'rfi',
  kind: 'site',
  hosts: ['rfi.fr'],
  dropText: [
    { id: 'rfi-ad-label', pattern: /^(?:广告|廣告|Advertisement|Publicité)$/i },
    { id: 'rfi-push-promo', pattern: /^(?:订阅|訂閱)\s*RFI\s*(?:中文|華語|华语)?\S*(?:推送|快讯|快訊|新闻|新聞)/ },
  ],
};
