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
