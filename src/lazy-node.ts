/**
 * Node modules loaded on first use. Each of these costs a run's start a millisecond or more to load
 * and most runs never touch them: the CPU count (one input needs none), sockets (only for FIFOs),
 * V8's flags (only for user rule patterns).
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const nodeOs = (): typeof import('node:os') => load('node:os') as typeof import('node:os');
export const nodeNet = (): typeof import('node:net') => load('node:net') as typeof import('node:net');
export const nodeV8 = (): typeof import('node:v8') => load('node:v8') as typeof import('node:v8');
