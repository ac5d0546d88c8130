/** normalize(): the one place the stages are wired together. bytes → decode → detect → parse → clean → extract. */
import { lazyMap, type LazyList } from './formats/lazy-list.js';
import { clean } from './clean/index.js';
import type { Warning } from './clean/report.js';
import { FeedcleanError } from './errors.js';
import { extract } from './extract/index.js';
import { mayHoldOddCharacters, scrubStrings } from './extract/scrub.js';
import { decode } from './input/decode.js';
import { detect } from './input/detect.js';
import { parseDump } from './input/dump.js';
import { parseHtmlFragment } from './input/html.js';
import { parseMarkdownDocuments } from './input/markdown.js';
import { readJsonFeed } from './formats/jsonfeed.js';
import { atomMapping, cdfMapping, rdfMapping, rssMapping } from './formats/mapping.js';
import { readFeed } from './formats/read-feed.js';
import { builtInPacks, packsFor, timeZoneFor } from './rules/index.js';
import type { RulePack } from './rules/types.js';
import { parseDate } from './dates/parse.js';
import type { FeedFields, FeedInfo, Item, NormalizeOptions, RawItem } from './types.js';
import { hostOf, isWebUrl } from './urls.js';

export interface PipelineOptions extends NormalizeOptions {
  /**
   * normalizeEach(): an entry of a feed that cannot be cleaned is reported here (with its index)
   * and skipped, and the next one is read; without it, the error ends the iteration.
   */
  onEntryError?: (error: unknown, index: number) => void;
  /** Rule packs to use instead of the built-in ones. */
  packs?: readonly RulePack[];
  /**
   * Warnings that are about a source, not an item (a zone-less time read as UTC), are given to the
   * first item of each source only; this set remembers which were given. Pass one set for a whole
   * run (the CLI does); by default each call has its own.
   */
  warnedSources?: Set<string>;
}

/** Warning codes said once per source: every item of the source would say the same. */
const ONCE_PER_SOURCE = new Set(['zone-guessed']);

function parse(
  text: string,
  base: string | null,
): { feed: FeedInfo | null; items: LazyList<RawItem>; unreadable?: string; warnings?: string[] } {
  const kind = detect(text);
  switch (kind) {
    case 'dump':
      return { feed: null, items: [parseDump(text)] };
    case 'markdown':
      return { feed: null, items: parseMarkdownDocuments(text) };
    case 'html':
      if (isJson(text)) throw new FeedcleanError('UNSUPPORTED_INPUT', 'input is JSON but not a JSON Feed, nor a feed item');
      return { feed: null, items: [parseHtmlFragment(text, base)] };
    case 'jsonfeed':
      return readJsonFeed(text);
    default:
      return readFeed(text, FEED_MAPPINGS[kind]);
  }
}

const FEED_MAPPINGS = { rss: rssMapping, atom: atomMapping, rdf: rdfMapping, cdf: cdfMapping } as const;

function isJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Bytes from whatever binary form a caller has (Buffer, Uint8Array, ArrayBuffer, other views). */
function asInput(input: unknown): string | Uint8Array {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new FeedcleanError('USAGE', `normalize() takes a string or bytes, not ${input === null ? 'null' : typeof input}`);
}

function checkPacks(packs: unknown): readonly RulePack[] | undefined {
  if (packs === undefined) return undefined;
  if (!Array.isArray(packs) || packs.some((p) => p === null || typeof p !== 'object' || typeof (p as RulePack).id !== 'string')) {
    throw new FeedcleanError('RULE_ERROR', 'options.packs must be an array of rule packs (objects with an id)');
  }
  return packs as readonly RulePack[];
}

/** `options.base`: an absolute web address, or a usage error naming what it got. */
function checkBase(base: unknown): string | null {
  if (base === undefined || base === null) return null;
  if (typeof base !== 'string' || !isWebUrl(base.trim())) {
    throw new FeedcleanError('USAGE', `the base URL must be an absolute http(s) address, not ${JSON.stringify(base)}`);
  }
  return base.trim();
}

export interface NormalizedFeed {
  /** The feed's own metadata (null for dumps and HTML). */
  feed: FeedInfo | null;
  items: Item[];
  /** The encoding the input was read in. */
  encoding: string;
  /** Why a broken feed gave no items at all (its entries could not be read one by one either). */
  unreadable?: string;
}

/** A feed's zone-less local times read again in the zone its source writes them in. */
function inZone(fields: FeedFields, timeZone: string): FeedFields {
  const { published, updated } = fields.localTimes!;
  return {
    ...fields,
    published: published ? (parseDate(published, timeZone)?.ms ?? fields.published) : fields.published,
    updated: updated ? (parseDate(updated, timeZone)?.ms ?? fields.updated) : fields.updated,
  };
}

/** The report's warnings for this item: a source's own said only for its first item. */
function itemWarnings(warnings: readonly Warning[], host: string | null, warnedSources: Set<string>): string[] {
  return warnings.flatMap((w) => {
    if (!ONCE_PER_SOURCE.has(w.code)) return [w.message];
    const key = `${w.code} ${host ?? ''}`;
    if (warnedSources.has(key)) return [];
    warnedSources.add(key);
    return [host ? `${w.message} (said once for ${host})` : w.message];
  });
}

type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** Cleans one input into items. Throws FeedcleanError on bad input, and on a feed with no entries. */
export function normalize(input: Input, options: PipelineOptions | null = {}): Item[] {
  return [...normalizeEach(input, options)];
}

/**
 * normalize(), one item at a time: each entry of a feed is parsed, cleaned and handed over as it
 * is reached, so a feed of 100,000 entries is never held cleaned in memory all at once. Errors
 * (bad input, a feed with no entries) come with the first item asked for.
 */
export function* normalizeEach(input: Input, options: PipelineOptions | null = {}): Generator<Item> {
  const stream = streamFeed(input, options);
  if (stream.unreadable && !stream.count) throw new FeedcleanError('PARSE_ERROR', `no entry could be read: ${stream.unreadable}`);
  if (!stream.count) throw new FeedcleanError('EMPTY_INPUT', 'the feed has no items');
  const onEntryError = options?.onEntryError;
  for (let i = 0; i < stream.count; i++) {
    let item: Item;
    try {
      item = stream.items.at(i)!;
    } catch (error) {
      if (!onEntryError || stream.count === 1) throw error;
      onEntryError(error, i);
      continue;
    }
    yield item;
  }
}

/** Like normalize(), with the feed's metadata alongside, and no error for a feed without entries. */
export function normalizeFeed(input: Input, options: PipelineOptions | null = {}): NormalizedFeed {
  const { count: _count, items, ...rest } = streamFeed(input, options);
  return { ...rest, items: [...items] };
}

function streamFeed(
  input: Input,
  options: PipelineOptions | null,
): Omit<NormalizedFeed, 'items'> & { count: number; items: LazyList<Item> } {
  const opts = options ?? {};
  const packList = checkPacks(opts.packs) ?? builtInPacks;
  const inputName = opts.input === undefined ? '-' : String(opts.input);
  const warnedSources = opts.warnedSources ?? new Set<string>();
  const decoded = decode(asInput(input));
  const base = checkBase(opts.base);
  const parsed = parse(decoded.text, base);
  // Characters no text holds that an escape in the input can still stand for (see scrub.ts).
  const scrub = decoded.plain !== true && mayHoldOddCharacters(decoded.text);
  // (The feed's own fields too: a feed without entries has no item to reach them through.)
  if (scrub && parsed.feed) scrubStrings(parsed.feed);
  // A feed entry's own warnings name it: on stderr, several entries of one input are otherwise alike.
  const entryName = (raw: RawItem, index: number): string => {
    const title = raw.title && raw.title.length > 60 ? `${raw.title.slice(0, 59)}…` : raw.title;
    return title ? `entry ${index + 1} "${title}"` : `entry ${index + 1}`;
  };
  const items = lazyMap(parsed.items, (raw, index) => {
    const packs = packsFor(raw.url, packList);
    const timeZone = timeZoneFor(packs);
    if (raw.fields?.localTimes && timeZone !== 'UTC') raw.fields = inZone(raw.fields, timeZone);
    const { findings, report } = clean({
      body: raw.body,
      itemUrl: raw.url,
      // The input's own base (`<base href>`, `xml:base`, its links) first; the caller's (`--base`) last.
      baseUrl: raw.baseUrl ?? (raw.url && isWebUrl(raw.url) ? raw.url : null) ?? base,
      title: raw.title,
      captured: raw.captured,
      packs,
      timeZone,
      keepProxies: opts.keepProxies === true,
      // A Markdown document's galleries are already written out as sections of its body; found
      // again, they would move (and a body that only looked like one would become one).
      galleries: raw.format !== 'markdown',
      keepGalleries: opts.gallery !== false,
      explain: opts.explain === true,
    });
    const item = extract({
      raw,
      findings,
      via: report.via,
      input: inputName,
      encoding: decoded.encoding,
      warnings: [
        ...decoded.warnings,
        ...(parsed.warnings ?? []),
        ...(parsed.feed
          ? [...raw.warnings, ...itemWarnings(report.warnings, hostOf(raw.url), warnedSources)].map((w) => `${entryName(raw, index)}: ${w}`)
          : [...raw.warnings, ...itemWarnings(report.warnings, hostOf(raw.url), warnedSources)]),
      ],
      galleries: opts.gallery !== false,
      ...(opts.outputs ? { outputs: opts.outputs } : {}),
    });
    if (report.explain) item.explain = report.explain;
    return scrub ? scrubStrings(item) : item;
  });
  return {
    feed: parsed.feed,
    count: items.length,
    items,
    encoding: decoded.encoding,
    ...(parsed.unreadable ? { unreadable: parsed.unreadable } : {}),
  };
}
