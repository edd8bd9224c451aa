/**
 * Values memoised by the exact text they were computed from, the least recently used forgotten
 * first once the texts kept pass `maxChars` (UTF-16 units). Undefined is never kept.
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  /** The value kept for `text` (undefined: none), now the most recently used. */
  get(text: string): V | undefined {
    const value = this.values.get(text);
    if (value === undefined) return undefined;
    this.values.delete(text);
    this.values.set(text, value);
    return value;
  }

  set(text: string, value: V): V {
    if (this.values.delete(text)) this.chars -= text.length;
    this.values.set(text, value);
    this.chars += text.length;
    for (const [old] of this.values) {
      if (this.chars <= this.maxChars) break;
      this.values.delete(old);
      this.chars -= old.length;
    }
    return value;
  }
}
