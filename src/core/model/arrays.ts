/**
 * Array helpers that never spread an array into a call's arguments: `Math.max(...x)` and
 * `push(...x)` throw RangeError on Node 20 beyond ~125,000 elements (one argument per element).
 */

/** The largest of `values`, or `floor` when there are none (or all are smaller). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** Appends every item to `target` in order; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest of `values`, or `ceiling` when there are none (or all are larger). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const value of values) if (value < min) min = value;
  return min;
}

/** Inserts every item into `target` at `index`, in order; returns `target`. */
export function insertAll<T>(target: T[], index: number, items: Iterable<T>): T[] {
  const tail = target.splice(index);
  pushAll(target, items);
  return pushAll(target, tail);
}
