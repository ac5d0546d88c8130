/** feedclean's public API. */
export { normalize, normalizeEach, normalizeFeed, type NormalizedFeed, type PipelineOptions } from './pipeline.js';
export { renderMarkdown, type MarkdownOptions } from './render/document.js';
export { renderJson, renderNdjsonLine } from './render/json.js';
export { renderJsonFeed } from './render/jsonfeed.js';
export { builtInPacks, packsFor } from './rules/index.js';
export { loadRulePacks } from './rules/load.js';
export type { RulePack } from './rules/types.js';
export { parseDate, type ParsedDate } from './dates/parse.js';
export { FeedcleanError, isFeedcleanError, type ErrorCode } from './errors.js';
export type * from './types.js';
