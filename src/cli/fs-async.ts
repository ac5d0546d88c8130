/**
 * The promise forms of the few fs calls the CLI awaits. Not `node:fs/promises`: loading it pulls in
 * readline and the stream modules, a few milliseconds of every run's start for nothing we use.
 */
import { readFile as readFileCb, readdir as readdirCb, realpath as realpathCb, stat as statCb } from 'node:fs';
import { promisify } from 'node:util';

export const readFile = promisify(readFileCb);
export const readdir = promisify(readdirCb);
export const realpath = promisify(realpathCb);
export const stat = promisify(statCb);
