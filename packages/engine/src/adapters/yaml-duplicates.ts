import { type Document, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';

/**
 * The first key repeated in a mapping of the document, found by one walk with a set per mapping (the
 * `yaml` package's own `uniqueKeys` check compares every pair of keys: a template with a few tens of
 * thousands of resources took minutes). Iterative, so any depth of nesting is walked.
 */
export function firstDuplicateKey(document: Document): { key: string; offset?: number } | undefined {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          // `<<` merge keys may repeat; other scalars compare by value, as YAML's uniqueKeys does.
          if (key.value !== '<<' && keys.has(key.value))
            return { key: String(key.value), offset: key.range?.[0] };
          keys.add(key.value);
        } else if (key !== null && typeof key !== 'object') {
          if (keys.has(key)) return { key: String(key) };
          keys.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.value);
    } else if (isAlias(node)) {
      // The anchored node is walked where it is declared.
    }
  }
  return undefined;
}
