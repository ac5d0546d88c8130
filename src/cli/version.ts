/**
 * The package version: fixed into the bundled bin at build time, else read from package.json next
 * to the built code (dist/cli → ../../).
 */
import { readFileSync } from 'node:fs';

declare const __FEEDCLEAN_VERSION__: string | undefined;

function readVersion(): string {
  if (typeof __FEEDCLEAN_VERSION__ === 'string') return __FEEDCLEAN_VERSION__;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const version = readVersion();
