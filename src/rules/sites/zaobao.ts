/** Lianhe Zaobao (zaobao.com.sg, zaobao.com): local times are Singapore time. */
import type { RulePack } from '../types.js';

export const zaobao: RulePack = {
  id: 'zaobao',
  kind: 'site',
  hosts: ['zaobao.com.sg', 'zaobao.com'],
  timeZone: 'Asia/Singapore',
};
