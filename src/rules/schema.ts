/**
 * The JSON Schema of rules files, built from the rule kinds' declarations (rules/kinds.ts) and the
 * pack header. `schema/rules.schema.json` is this, written out (`npm run schema`), for editors; a
 * test holds the two together, and `--rules` files are checked against this very object.
 */
import type { JsonSchema } from './kind.js';
import { RULE_KINDS } from './kinds.js';

const DEFINITIONS: Record<string, JsonSchema> = {
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
  host: {
    type: 'string',
    // Underscores too: hosts such as `my_blog.example.com` exist, and `feedclean learn` writes them.
    pattern: '^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$',
    maxLength: 253,
    description: 'A lower-case host name (dw.com); subdomains match too.',
  },
  pattern: {
    type: 'string',
    minLength: 1,
    maxLength: 2000,
    description: 'A regular expression (linear-time subset; inline flags (?i) (?m) (?s)).',
  },
  selector: {
    type: 'string',
    minLength: 1,
    maxLength: 500,
    description:
      'Comma-separated compound selectors: tag, .class, #id, [attr], [attr=v], [attr~=v], [attr^=v], [attr$=v], [attr*=v]; no combinators.',
  },
  tag: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
  template: {
    type: 'string',
    pattern: '^https?://',
    maxLength: 2000,
    description:
      "A web address (https:// or http://) with {1}… for the pattern's capture groups and {lang} for the item URL's first path segment.",
  },
};

const HEADER: Record<string, JsonSchema> = {
  $schema: { type: 'string' },
  id: { $ref: '#/definitions/id', description: "Short stable name of the pack; must not be a built-in pack's id." },
  kind: {
    enum: ['site', 'mirror', 'generic'],
    description:
      "site: applies when the item URL's host is one of `hosts` or a subdomain; mirror: applies to every item and, when one of its rules fires, names the mirror (`name`) in source.via; generic: applies to every item.",
  },
  name: { type: 'string', minLength: 1, maxLength: 100, description: 'For mirrors: the name reported in source.via (default: the id).' },
  description: { type: 'string', description: 'Free text for people; ignored.' },
  hosts: { type: 'array', minItems: 1, items: { $ref: '#/definitions/host' } },
  timeZone: { type: 'string', minLength: 1, description: 'IANA zone in which the source writes zone-less local times (Asia/Shanghai).' },
};

/** The pack's properties: the header, then each kind as its declaration says. */
function packProperties(): Record<string, JsonSchema> {
  const properties = { ...HEADER };
  for (const [field, kind] of Object.entries(RULE_KINDS)) {
    properties[field] =
      kind.shape === 'list' ? { type: 'array', items: kind.rule, description: kind.doc } : { ...kind.schema, description: kind.doc };
  }
  return properties;
}

export function rulesSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/feedclean/feedclean/schema/rules.schema.json',
    title: 'feedclean rule pack file',
    description:
      "One rule pack, or a list of them, teaching feedclean a source (a publisher's site, a mirror, or knowledge for every item). Patterns are JavaScript regular expressions run by V8's linear-time engine: no back-references, lookahead or lookbehind, counts up to 16; flags go inline at the start: (?i) ignore case, (?m) multi-line, (?s) dot matches newlines.",
    oneOf: [{ $ref: '#/definitions/pack' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/pack' } }],
    definitions: {
      pack: {
        type: 'object',
        required: ['id', 'kind'],
        additionalProperties: false,
        properties: packProperties(),
        if: { required: ['kind'], properties: { kind: { const: 'site' } } },
        then: { required: ['hosts'] },
      },
      ...DEFINITIONS,
    },
  };
}
