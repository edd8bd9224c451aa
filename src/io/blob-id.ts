/** The id Git gives these bytes as a blob (`git hash-object`): equal ids, equal contents. */
export function gitBlobId(bytes: Uint8Array): string {
  // Loaded on first use: node:crypto costs a warm `ledger status` ~20 ms, and it hashes nothing.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
