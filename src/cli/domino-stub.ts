/**
 * Stands in for turndown's HTML parser (@mixmark-io/domino) in the bundled bin. feedclean hands
 * turndown trees it has already parsed, never strings, so the parser is dead weight that would
 * cost every run its load time. Reaching it means a string went to turndown: a bug.
 */
export function createDocument(): never {
  throw new Error('internal: turndown was given an HTML string; feedclean passes it parsed trees');
}
