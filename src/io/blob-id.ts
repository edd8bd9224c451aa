/** The id Git gives these bytes (a text: its UTF-8 bytes) as a blob (`git hash-object`): equal ids, equal contents. */
export function gitBlobId(content: Uint8Array | string): string {
  // Loaded on first use: node:crypto costs a warm `ledger status` ~20 ms, and it hashes nothing.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const length = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return createHash('sha1').update(`blob ${length}\0`).update(content).digest('hex');
}
