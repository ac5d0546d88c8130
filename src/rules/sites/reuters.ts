/** Reuters (cn.reuters.com and the other editions): its zone-less byline times are UTC. */
import type { PackSource } from '../types.js';

export const reuters: PackSource = {
  id: 'reuters',
  kind: 'site',
  hosts: ['reuters.com'],
  timeZone: 'UTC',
};
