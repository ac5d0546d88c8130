/** normalize(): the one place the stages are wired together. bytes → decode → detect → parse → clean → extract. */
import { clean } from './clean/index.js';
import { FeedcleanError } from './errors.js';
import { extract } from './extract/index.js';
import { decode } from './input/decode.js';
import { detect } from './input/detect.js';
import { parseDump } from './input/dump.js';
import { parseHtmlFragment } from './input/html.js';
import { builtInPacks, packsFor, timeZoneFor } from './rules/index.js';
import type { RulePack } from './rules/types.js';
import type { Item, NormalizeOptions, RawItem } from './types.js';

export interface PipelineOptions extends NormalizeOptions {
  /** Rule packs to use instead of the built-in ones. */
  packs?: readonly RulePack[];
}

function parse(text: string): RawItem[] {
  const kind = detect(text);
  switch (kind) {
    case 'dump':
      return [parseDump(text)];
    case 'html':
      return [parseHtmlFragment(text)];
    default:
      throw new FeedcleanError('UNSUPPORTED_INPUT', `${kind === 'jsonfeed' ? 'JSON Feed' : kind.toUpperCase()} feeds are not supported yet`);
  }
}

/** Cleans one input (a dump, or a bare HTML fragment) into items. Throws FeedcleanError on bad input. */
export function normalize(input: string | Uint8Array, options: PipelineOptions = {}): Item[] {
  const decoded = decode(input);
  return parse(decoded.text).map((raw) => {
    const packs = packsFor(raw.url, options.packs ?? builtInPacks);
    const cleaned = clean({
      body: raw.body,
      itemUrl: raw.url,
      packs,
      timeZone: timeZoneFor(packs),
      keepProxies: options.keepProxies ?? false,
    });
    const warnings = [...decoded.warnings, ...raw.warnings, ...cleaned.warnings];
    const item = extract({ raw, findings: cleaned.findings, packs, input: options.input ?? '-', warnings });
    return options.gallery === false ? { ...item, galleries: [] } : item;
  });
}
