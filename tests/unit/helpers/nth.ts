/**
 * `xs[i]`, narrowed: a test that reads an element it expects to exist fails here, saying which,
 * instead of with a TypeError further on. Plain TypeScript, so node and dom tests both use it.
 */
export function nth<T>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, but there are ${xs.length}`);
  return x;
}
