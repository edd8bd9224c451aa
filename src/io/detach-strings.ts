/**
 * V8 keeps a substring as a pointer into its parent, so every value parsed from a file would keep the
 * whole file's text alive (at 100,000 measures, two thirds of the live heap). Copies long strings in place.
 */
export function detachStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.length >= 13 ? (' ' + value).slice(1) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachStrings(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (key !== '__proto__') record[key] = detachStrings(record[key]);
  }
  return value;
}
