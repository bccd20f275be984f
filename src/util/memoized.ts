// Memoizing a pure conversion of a text (canonical quantities, Go times): the same few texts
// recur in nearly every object. Only successes are kept (a conversion that throws is tried
// again next time); the cache starts over when it grows large, so it stays bounded.

const LIMIT = 4096;

export function memoized<V>(convert: (text: string) => V): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = convert(text);
      if (cache.size >= LIMIT) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}
