/**
 * A feed's entries, turned into items one at a time as they are used: a feed of 100,000 entries
 * never holds 100,000 parsed bodies (or rendered items) at once. Arrays are lazy lists too.
 * `at(i)` makes entry i on demand, so a caller can go on past an entry that fails.
 */
export interface LazyList<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

export function lazyMap<S, T>(source: LazyList<S>, fn: (value: S, index: number) => T): LazyList<T> {
  const at = (index: number): T | undefined => (index >= 0 && index < source.length ? fn(source.at(index) as S, index) : undefined);
  return {
    length: source.length,
    at,
    *[Symbol.iterator]() {
      for (let i = 0; i < source.length; i++) yield at(i) as T;
    },
  };
}
