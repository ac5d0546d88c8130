/** The Financial Times' Chinese edition (cn.ft.com, ftchinese.com): images behind its Thumbor server. */
import type { PackSource } from '../types.js';

export const ft: PackSource = {
  id: 'ft',
  kind: 'site',
  hosts: ['ft.com', 'ftchinese.com'],
  proxies: [{ id: 'ft-thumbor', hosts: ['thumbor.ftacademy.cn'], form: 'thumbor' }],
};
