/** The New York Times Chinese edition (cn.nytimes.com): local times in Beijing, a subscription promo. */
import type { PackSource } from '../types.js';

export const nyt: PackSource = {
  id: 'nyt',
  kind: 'site',
  hosts: ['cn.nytimes.com', 'm.cn.nytimes.com'],
  timeZone: 'Asia/Shanghai',
  dropText: [
    // （欢迎点击此处订阅NYT简报，我们将在每个工作日发送最新内容至您的邮箱。）
    { id: 'nyt-newsletter-promo', pattern: String.raw`^[（(]\s*欢迎\s*点击此处\s*订阅\s*(?:NYT|时报中文)\s*简报` },
    { id: 'nyt-newsletter-promo-hant', pattern: String.raw`^[（(]\s*歡迎\s*點擊此處\s*訂閱\s*(?:NYT|時報中文)\s*簡報` },
    // The morning briefing's sign-off: 感谢阅读今天的简报，新读者请点击此处订阅…
    { id: 'nyt-briefing-signoff', pattern: String.raw`^(?:感谢阅读今天的简报|感謝閱讀今天的簡報)` },
  ],
};
