/**
 * A feed's entries, turned into items one at a time as they are used: a feed of 100,000 entries
 * never holds 100,000 parsed bodies (or rendered items) at once. Arrays are lazy lists too.
 */
export interface LazyList<T> extends Iterable<T> {
  readonly length: number;
}

export function lazyMap<S, T>(source: LazyList<S>, fn: (value: S) => T): LazyList<T> {
  return {
    length: source.length,
    *[Symbol.iterator]() {
      for (const value of source) yield fn(value);
    },
  };
}
