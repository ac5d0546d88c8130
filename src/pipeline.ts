/** normalize(): the one place the stages are wired together. bytes → decode → detect → parse → clean → extract. */
import { lazyMap, type LazyList } from './formats/lazy-list.js';
import { clean } from './clean/index.js';
import { FeedcleanError, isFeedcleanError } from './errors.js';
import { extract } from './extract/index.js';
import { decode } from './input/decode.js';
import { detect } from './input/detect.js';
import { parseDump } from './input/dump.js';
import { parseHtmlFragment } from './input/html.js';
import { parseMarkdownDocuments } from './input/markdown.js';
import { readJsonFeed } from './formats/jsonfeed.js';
import { atomMapping, cdfMapping, rdfMapping, rssMapping, type FeedMapping } from './formats/mapping.js';
import { recoverFeed } from './formats/recover.js';
import { readXmlFeed, type ParsedFeed } from './formats/read-xml.js';
import { parseXml } from './formats/xml.js';
import { builtInPacks, packsFor, timeZoneFor } from './rules/index.js';
import type { RulePack } from './rules/types.js';
import { parseDate } from './dates/parse.js';
import type { FeedFields, FeedInfo, Item, NormalizeOptions, RawItem } from './types.js';

export interface PipelineOptions extends NormalizeOptions {
  /**
   * normalizeEach(): an entry of a feed that cannot be cleaned is reported here (with its index)
   * and skipped, and the next one is read; without it, the error ends the iteration.
   */
  onEntryError?: (error: unknown, index: number) => void;
  /** Rule packs to use instead of the built-in ones. */
  packs?: readonly RulePack[];
}

function parse(text: string): { feed: FeedInfo | null; items: LazyList<RawItem>; unreadable?: string } {
  const kind = detect(text);
  switch (kind) {
    case 'dump':
      return { feed: null, items: [parseDump(text)] };
    case 'markdown':
      return { feed: null, items: parseMarkdownDocuments(text) };
    case 'html':
      if (isJson(text)) throw new FeedcleanError('UNSUPPORTED_INPUT', 'input is JSON but not a JSON Feed, nor a feed item');
      return { feed: null, items: [parseHtmlFragment(text)] };
    case 'jsonfeed':
      return readJsonFeed(text);
    default:
      return readFeed(text, FEED_MAPPINGS[kind]);
  }
}

const FEED_MAPPINGS = { rss: rssMapping, atom: atomMapping, rdf: rdfMapping, cdf: cdfMapping } as const;

/** One parse of the whole document; entry by entry only when that fails (not well formed). */
function readFeed(text: string, mapping: FeedMapping): ParsedFeed {
  try {
    return readXmlFeed(parseXml(text), mapping);
  } catch (error) {
    if (!isFeedcleanError(error) || error.code !== 'PARSE_ERROR') throw error;
    const { doc, warning } = recoverFeed(text, mapping, error);
    const parsed = readXmlFeed(doc, mapping);
    // Nothing recovered: normalize() says why, not just "no items"; normalizeFeed() keeps the feed.
    if (!parsed.items.length) return { ...parsed, unreadable: warning };
    return { feed: parsed.feed, items: lazyMap(parsed.items, (item) => ({ ...item, warnings: [warning, ...item.warnings] })) };
  }
}

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
  const decoded = decode(asInput(input));
  const parsed = parse(decoded.text);
  const items = lazyMap(parsed.items, (raw) => {
    const packs = packsFor(raw.url, packList);
    const timeZone = timeZoneFor(packs);
    if (raw.fields?.localTimes && timeZone !== 'UTC') raw.fields = inZone(raw.fields, timeZone);
    const { findings, report } = clean({
      body: raw.body,
      itemUrl: raw.url,
      baseUrl: raw.baseUrl ?? null,
      title: raw.title,
      packs,
      timeZone,
      keepProxies: opts.keepProxies === true,
      // A Markdown document's galleries are already written out as sections of its body; found
      // again, they would move (and a body that only looked like one would become one).
      galleries: raw.format !== 'markdown',
      explain: opts.explain === true,
    });
    const item = extract({
      raw,
      findings,
      via: report.via,
      input: inputName,
      encoding: decoded.encoding,
      warnings: [...decoded.warnings, ...raw.warnings, ...report.warnings.map((w) => w.message)],
      galleries: opts.gallery !== false,
      ...(opts.outputs ? { outputs: opts.outputs } : {}),
    });
    if (report.explain) item.explain = report.explain;
    return item;
  });
  return {
    feed: parsed.feed,
    count: items.length,
    items,
    encoding: decoded.encoding,
    ...(parsed.unreadable ? { unreadable: parsed.unreadable } : {}),
  };
}
